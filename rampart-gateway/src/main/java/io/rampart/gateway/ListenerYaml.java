package io.rampart.gateway;

import io.rampart.core.Secret;
import io.rampart.core.config.ConfigNode;
import java.net.URI;
import java.util.Optional;

/** Binds {@code gateway.tls} and {@code gateway.oidc} (part of {@link GatewaySection}). */
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
    return GatewaySection.build(node, () -> new TlsConfig(
        node.get("keystore").flatMap(ConfigNode::asPath),
        node.get("keystore-password").flatMap(ConfigNode::asSecret).orElse(Secret.empty()),
        node.get("certificate").flatMap(ConfigNode::asPath),
        node.get("private-key").flatMap(ConfigNode::asPath),
        node.get("client-ca").flatMap(ConfigNode::asPath)));
  }
}
