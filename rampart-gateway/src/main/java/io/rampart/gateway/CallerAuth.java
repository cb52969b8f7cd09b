package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * The gateway's caller authentication for other listeners: hashed API keys (constant-time
 * comparison, expiry, revocation), when configured OIDC/JWT bearer tokens, and client
 * certificates under mutual TLS, exactly as the model gateway checks them. Thread-safe.
 */
public final class CallerAuth {
  private final Map<String, ApiKeyConfig> keysByHash = new HashMap<>();
  private final Map<String, ApiKeyConfig> keysByCertificate = new HashMap<>();
  private final Optional<JwtVerifier> jwt;
  private final Clock clock;

  private CallerAuth(List<ApiKeyConfig> keys, Optional<OidcConfig> oidc, Clock clock) {
    this.clock = clock;
    keys.stream().filter(k -> !k.sha256().isEmpty()).forEach(k -> keysByHash.put(k.sha256(), k));
    keys.stream().filter(k -> !k.clientCertificate().isEmpty())
        .forEach(k -> keysByCertificate.putIfAbsent(k.clientCertificate(), k));
    this.jwt = oidc.map(o -> new JwtVerifier(o, clock));
  }

  /** API keys only. */
  public static CallerAuth create(List<ApiKeyConfig> keys, Clock clock) {
    return new CallerAuth(List.copyOf(keys), Optional.empty(), requireNonNull(clock, "clock"));
  }

  /** API keys and OIDC/JWT bearer tokens. */
  public static CallerAuth create(List<ApiKeyConfig> keys, OidcConfig oidc, Clock clock) {
    return new CallerAuth(List.copyOf(keys), Optional.of(requireNonNull(oidc, "oidc")),
        requireNonNull(clock, "clock"));
  }

  /** The credential a request presents: {@code Authorization: Bearer}, {@code x-api-key}. */
  public static Optional<String> presented(HttpFields headers) {
    String auth = headers.get("authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String k = auth.substring(7).strip();
      return k.isEmpty() ? Optional.empty() : Optional.of(k);
    }
    String v = headers.get("x-api-key");
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** The caller {@code credential} identifies, or empty when it is wrong, expired or revoked. */
  public Optional<Caller> verify(String credential) {
    requireNonNull(credential, "credential");
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(credential)) {
      return jwt.get().verify(credential).map(p -> new Caller(p.name(),
          java.util.Set.copyOf(p.groups()), p.key().requestsPerMinute()));
    }
    String hash = ApiKeyConfig.hash(credential);
    ApiKeyConfig key = keysByHash.get(hash);
    if (key == null || !MessageDigest.isEqual(key.sha256().getBytes(StandardCharsets.US_ASCII),
        hash.getBytes(StandardCharsets.US_ASCII)) || !key.activeAt(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(new Caller(key.principal(), key.groups(), key.requestsPerMinute()));
  }

  /**
   * The caller a client certificate identifies (its chain already verified against
   * {@code tls.client-ca} by the handshake): the principal whose
   * {@code api-keys[].client-certificate} is one of its names ({@link ClientCertificates}), as
   * the model gateway maps it; empty when none is configured, or that identity expired or was
   * revoked.
   */
  public Optional<Caller> verifyCertificate(X509Certificate leaf) {
    requireNonNull(leaf, "leaf");
    for (String name : ClientCertificates.names(leaf)) {
      ApiKeyConfig key = keysByCertificate.get(name);
      if (key != null) {
        return key.certificateActiveAt(clock.instant())
            ? Optional.of(new Caller(key.principal(), key.groups(), key.requestsPerMinute()))
            : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
