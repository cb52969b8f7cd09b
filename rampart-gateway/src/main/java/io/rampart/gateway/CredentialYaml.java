package io.rampart.gateway;

import io.rampart.core.Secret;
import io.rampart.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Binds and prints a route's {@code credential:} (part of {@link GatewaySection}). */
final class CredentialYaml {
  private static final String TYPES = "none, static-key, oauth2-client-credentials, "
      + "azure-managed-identity, azure-workload-identity";

  private CredentialYaml() {}

  static Optional<UpstreamCredential> read(ConfigNode node) {
    if (!node.allowKeys("type", "header", "key", "key-file", "token-url", "client-id",
        "client-secret", "scope", "endpoint", "resource", "tenant-id", "token-file",
        "authority-host")) {
      return Optional.empty();
    }
    String type = node.get("type").flatMap(ConfigNode::asString).orElse("static-key");
    try {
      return switch (type) {
        case "none" -> Optional.of(new UpstreamCredential.None());
        case "static-key" -> staticKey(node);
        case "oauth2-client-credentials" -> Optional.of(
            new UpstreamCredential.OAuth2ClientCredentials(
                required(node, "token-url").flatMap(ConfigNode::asUrl).orElseThrow(),
                string(node, "client-id").orElseThrow(),
                node.get("client-secret").flatMap(ConfigNode::asSecret).orElse(Secret.empty()),
                string(node, "scope")));
        case "azure-managed-identity" -> Optional.of(new UpstreamCredential.AzureManagedIdentity(
            node.get("endpoint").flatMap(ConfigNode::asUrl)
                .orElse(UpstreamCredential.AzureManagedIdentity.IMDS),
            string(node, "resource").orElse(UpstreamCredential.COGNITIVE_SERVICES),
            string(node, "client-id")));
        case "azure-workload-identity" -> Optional.of(
            new UpstreamCredential.AzureWorkloadIdentity(
                node.get("authority-host").flatMap(ConfigNode::asUrl)
                    .orElse(UpstreamCredential.AzureWorkloadIdentity.AUTHORITY),
                required(node, "tenant-id").flatMap(ConfigNode::asString).orElseThrow(),
                required(node, "client-id").flatMap(ConfigNode::asString).orElseThrow(),
                required(node, "token-file").flatMap(ConfigNode::asPath).orElseThrow(),
                string(node, "scope").orElse(UpstreamCredential.COGNITIVE_SERVICES + "/.default")));
        default -> {
          node.get("type").orElse(node).report("unknown credential type (expected one of: "
              + TYPES + ")");
          yield Optional.empty();
        }
      };
    } catch (java.util.NoSuchElementException e) {
      return Optional.empty(); // the missing key is reported already
    } catch (IllegalArgumentException e) {
      node.report("invalid credential (expected: " + TYPES + " with their keys)");
      return Optional.empty();
    }
  }

  private static Optional<ConfigNode> required(ConfigNode node, String key) {
    Optional<ConfigNode> child = node.get(key);
    if (child.isEmpty()) {
      node.report("missing key: " + key + " (expected: it for this credential type)");
    }
    return child;
  }

  private static Optional<String> string(ConfigNode node, String key) {
    return node.get(key).flatMap(ConfigNode::asString);
  }

  private static Optional<UpstreamCredential> staticKey(ConfigNode node) {
    String header = string(node, "header").orElse("Authorization");
    Secret key = node.get("key").flatMap(ConfigNode::asSecret).orElse(Secret.empty());
    Optional<ConfigNode> fileNode = node.get("key-file");
    Optional<Path> file = fileNode.flatMap(ConfigNode::asPath);
    if (file.isPresent()) {
      try {
        key = Secret.of(java.nio.file.Files.readString(file.get()).strip());
      } catch (java.io.IOException e) {
        fileNode.get().report("cannot read key file (expected: a readable file)");
      }
    }
    try {
      return Optional.of(new UpstreamCredential.StaticKey(header, key));
    } catch (IllegalArgumentException e) {
      node.get("header").orElse(node).report("invalid value (expected an HTTP header name)");
      return Optional.empty();
    }
  }

  static Map<String, Object> write(UpstreamCredential credential) {
    return switch (credential) {
      case UpstreamCredential.None n -> Map.of("type", "none");
      case UpstreamCredential.StaticKey k -> GatewaySection.map("type", "static-key",
          "header", k.header(), "key", k.key());
      case UpstreamCredential.OAuth2ClientCredentials o -> GatewaySection.map(
          "type", "oauth2-client-credentials", "token-url", o.tokenUrl(),
          "client-id", o.clientId(), "client-secret", o.clientSecret(),
          "scope", o.scope().orElse(""));
      case UpstreamCredential.AzureManagedIdentity m -> GatewaySection.map(
          "type", "azure-managed-identity", "endpoint", m.endpoint(), "resource", m.resource(),
          "client-id", m.clientId().orElse(""));
      case UpstreamCredential.AzureWorkloadIdentity w -> GatewaySection.map(
          "type", "azure-workload-identity", "authority-host", w.authorityHost(),
          "tenant-id", w.tenantId(), "client-id", w.clientId(),
          "token-file", w.tokenFile().toString(), "scope", w.scope());
    };
  }
}
