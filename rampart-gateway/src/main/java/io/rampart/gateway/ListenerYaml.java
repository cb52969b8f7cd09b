package io.rampart.gateway;

import io.rampart.core.Secret;
import io.rampart.core.config.ConfigNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code tls} and {@code oidc} blocks of {@code gateway} (part of {@link GatewaySection})
 * and, through {@link GatewayYaml}, of {@code mcp-gateway}.
 */
final class ListenerYaml {
  private ListenerYaml() {}

  static Optional<OidcConfig> oidc(ConfigNode node) {
    if (!node.allowKeys("issuer", "audience", "jwks-url", "principal-claim", "groups-claim",
        "jwks-cache-ttl", "jwks-min-refresh", "requests-per-minute", "tokens-per-minute")) {
      return Optional.empty();
    }
    OidcConfig d = OidcConfig.of("-", "-", URI.create("http://-"));
    Optional<URI> jwks = node.get("jwks-url").flatMap(ConfigNode::asUrl);
    if (jwks.isEmpty()) {
      node.report("missing key: jwks-url (expected: the issuer's JWKS URL)");
      return Optional.empty();
    }
    return GatewaySection.build(node, () -> new OidcConfig(
        node.get("issuer").flatMap(ConfigNode::asString).orElse(""),
        node.get("audience").flatMap(ConfigNode::asString).orElse(""),
        jwks.get(),
        node.get("principal-claim").flatMap(ConfigNode::asString).orElse(d.principalClaim()),
        node.get("groups-claim").flatMap(ConfigNode::asString).orElse(d.groupsClaim()),
        node.get("jwks-cache-ttl").flatMap(ConfigNode::asDuration).orElse(d.jwksCacheTtl()),
        node.get("jwks-min-refresh").flatMap(ConfigNode::asDuration).orElse(d.jwksMinRefresh()),
        node.get("requests-per-minute").flatMap(ConfigNode::asInt).orElse(0),
        node.get("tokens-per-minute").flatMap(ConfigNode::asInt).orElse(0)));
  }

  static Optional<TlsConfig> tls(ConfigNode node) {
    if (!node.allowKeys("keystore", "keystore-password", "certificate", "private-key",
        "client-ca")) {
      return Optional.empty();
    }
    List<String> bad = new ArrayList<>();
    Optional<Path> keystore = file(node, "keystore", "a PKCS#12 key store", bad);
    Optional<Path> certificate = file(node, "certificate", "a PEM certificate chain", bad);
    Optional<Path> privateKey = file(node, "private-key", "a PEM PKCS#8 private key", bad);
    Optional<Path> clientCa = file(node, "client-ca", "PEM CA certificates", bad);
    if (!bad.isEmpty()) {
      return Optional.empty(); // reported
    }
    Optional<TlsConfig> tls = GatewaySection.build(node, () -> new TlsConfig(keystore,
        node.get("keystore-password").flatMap(ConfigNode::asSecret).orElse(Secret.empty()),
        certificate, privateKey, clientCa));
    // a file that exists but does not load (wrong password, not PEM) fails the load, not the
    // start, so a reload or `rampart config check` catches it too
    Optional<String> problem = tls.flatMap(Listener::problem);
    if (problem.isPresent()) {
      node.report(problem.get());
      return Optional.empty();
    }
    return tls;
  }

  /** The path at {@code key} when given and readable; a problem (and {@code bad}) otherwise. */
  private static Optional<Path> file(ConfigNode tls, String key, String what, List<String> bad) {
    Optional<ConfigNode> node = tls.get(key);
    Optional<Path> path = node.flatMap(ConfigNode::asPath);
    if (node.isPresent() && path.isEmpty()) {
      bad.add(key); // asPath reported it
    } else if (path.isPresent()
        && !(Files.isRegularFile(path.get()) && Files.isReadable(path.get()))) {
      node.get().report(path.get() + " (expected: a readable file holding " + what + ")");
      bad.add(key);
    }
    return path;
  }
}
