package io.rampart.gateway;

import io.rampart.core.Secret;
import io.rampart.core.config.ConfigNode;
import io.rampart.dlp.RedactionPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's YAML binders for pieces other listeners share (the MCP gateway): API keys,
 * TLS, OIDC, upstream credentials and redaction policies, with exactly the keys and error messages
 * of {@code gateway:}. Problems are reported against the node; empty means reported.
 */
public final class GatewayYaml {
  private GatewayYaml() {}

  /** One {@code api-keys[]} entry. */
  public static Optional<ApiKeyConfig> apiKey(ConfigNode node) {
    return GatewaySection.apiKey(node);
  }

  /** An {@code oidc:} block. */
  public static Optional<OidcConfig> oidc(ConfigNode node) {
    return ListenerYaml.oidc(node);
  }

  /**
   * A {@code tls:} block: PKCS#12 or PEM files, optional {@code client-ca}; files must be
   * readable and load (right password, PEM with a PKCS#8 key) or the load reports them.
   */
  public static Optional<TlsConfig> tls(ConfigNode node) {
    return ListenerYaml.tls(node);
  }

  /** TLS settings as printable YAML data (paths; the password stays a {@code Secret}). */
  public static Object write(Optional<TlsConfig> tls) {
    return tls.map(t -> (Object) GatewaySection.map(
        "keystore", t.keystore().map(java.nio.file.Path::toString).orElse(""),
        "keystore-password", t.keystorePassword(),
        "certificate", t.certificate().map(java.nio.file.Path::toString).orElse(""),
        "private-key", t.privateKey().map(java.nio.file.Path::toString).orElse(""),
        "client-ca", t.clientCa().map(java.nio.file.Path::toString).orElse(""))).orElse("none");
  }

  /** A {@code credential:} block (none, static-key, OAuth2, Azure identities). */
  public static Optional<UpstreamCredential> credential(ConfigNode node) {
    return CredentialYaml.read(node);
  }

  /** A redaction policy ({@code default-action}, {@code actions}, {@code hmac-key}). */
  public static Optional<RedactionPolicy> redaction(ConfigNode node) {
    return GatewaySection.redaction(node);
  }

  /** A credential as printable YAML data (secrets stay {@code Secret}). */
  public static Map<String, Object> write(UpstreamCredential credential) {
    return CredentialYaml.write(credential);
  }

  /** API keys as printable YAML data; only hashes, as {@code Secret}s. */
  public static List<Object> writeKeys(List<ApiKeyConfig> keys) {
    return keys.stream().<Object>map(k -> GatewaySection.map("principal", k.principal(),
        "key", Secret.of(k.sha256()), "groups", List.copyOf(k.groups()),
        "client-certificate", k.clientCertificate(), "expires", k.expires().map(Object::toString).orElse("never"), "revoked", k.revoked(),
        "requests-per-minute", k.requestsPerMinute())).toList();
  }
}
