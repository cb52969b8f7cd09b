package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * One gateway API key ({@code gateway.api-keys[]}). Only the key's SHA-256 is kept; the plain
 * key is read once (usually from the environment) and dropped.
 *
 * @param principal who presents the key; appears in events
 * @param sha256 lower-case hex SHA-256 of the key; empty when no key was configured (the entry
 *     then matches nothing)
 * @param groups the principal's groups, for route authorization
 * @param routes route names the key may use; empty allows every route
 * @param expires when the key stops working; empty for never
 * @param revoked a revoked key is refused like a wrong one
 * @param requestsPerMinute per-principal request quota, 0 for none
 * @param tokensPerMinute per-principal token quota, 0 for none
 * @param clientCertificate a name in the subject of a client certificate (its CN, or a DNS,
 *     e-mail, URI or IP subject alternative name) that identifies this principal over mutual
 *     TLS when the caller presents no key; empty for none. Trusted only because the listener
 *     requires certificates issued by {@code tls.client-ca}
 */
public record ApiKeyConfig(
    String principal,
    String sha256,
    Set<String> groups,
    Set<String> routes,
    Optional<Instant> expires,
    boolean revoked,
    int requestsPerMinute,
    int tokensPerMinute,
    String clientCertificate) {

  public ApiKeyConfig {
    requireNonNull(clientCertificate, "clientCertificate");
    requireNonNull(principal, "principal");
    requireNonNull(sha256, "sha256");
    requireNonNull(expires, "expires");
    groups = Set.copyOf(groups);
    routes = Set.copyOf(routes);
    if (principal.isBlank()) {
      throw new IllegalArgumentException("principal: \"\" (expected: a name)");
    }
    if (!sha256.isEmpty() && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("key-sha256: <redacted> (expected: 64 lower-case hex)");
    }
    RouteConfig.nonNegative("requests-per-minute", requestsPerMinute);
    RouteConfig.nonNegative("tokens-per-minute", tokensPerMinute);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code key}. */
  public static String hash(String key) {
    requireNonNull(key, "key");
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new GatewayException("digest: SHA-256 unavailable (expected: a standard JDK)", e);
    }
  }

  /** Whether the key works at {@code now}. */
  public boolean activeAt(Instant now) {
    return !revoked && !sha256.isEmpty() && expires.map(now::isBefore).orElse(true);
  }

  /** Whether the client-certificate identity works at {@code now}. */
  public boolean certificateActiveAt(Instant now) {
    return !revoked && !clientCertificate.isEmpty() && expires.map(now::isBefore).orElse(true);
  }

  public static Builder builder(String principal) {
    return new Builder(principal);
  }

  /** Builds an {@link ApiKeyConfig}; {@link #key} hashes at once and keeps only the hash. */
  public static final class Builder {
    private final String principal;
    private String sha256 = "";
    private Set<String> groups = Set.of();
    private Set<String> routes = Set.of();
    private Optional<Instant> expires = Optional.empty();
    private boolean revoked;
    private int requestsPerMinute;
    private int tokensPerMinute;
    private String clientCertificate = "";

    private Builder(String principal) {
      this.principal = requireNonNull(principal, "principal");
    }

    /** The plain key; an empty one leaves the entry inactive. */
    public Builder key(Secret key) {
      requireNonNull(key, "key");
      this.sha256 = key.isEmpty() ? "" : hash(key.reveal());
      return this;
    }

    /** The key's SHA-256 as stored at rest (64 hex characters). */
    public Builder keySha256(String hex) {
      requireNonNull(hex, "hex");
      if (!hex.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("key-sha256: <redacted> (expected: 64 hex digits)");
      }
      this.sha256 = hex.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    public Builder groups(Set<String> v) {
      this.groups = Set.copyOf(v);
      return this;
    }

    public Builder routes(Set<String> v) {
      this.routes = Set.copyOf(v);
      return this;
    }

    public Builder expires(Instant v) {
      this.expires = Optional.of(v);
      return this;
    }

    public Builder revoked(boolean v) {
      this.revoked = v;
      return this;
    }

    public Builder requestsPerMinute(int v) {
      RouteConfig.nonNegative("requests-per-minute", v);
      this.requestsPerMinute = v;
      return this;
    }

    public Builder tokensPerMinute(int v) {
      RouteConfig.nonNegative("tokens-per-minute", v);
      this.tokensPerMinute = v;
      return this;
    }

    /** The certificate name (CN or subject alternative name) that identifies the principal. */
    public Builder clientCertificate(String v) {
      this.clientCertificate = requireNonNull(v, "clientCertificate").strip();
      return this;
    }

    public ApiKeyConfig build() {
      return new ApiKeyConfig(principal, sha256, groups, routes, expires, revoked,
          requestsPerMinute, tokensPerMinute, clientCertificate);
    }
  }
}
