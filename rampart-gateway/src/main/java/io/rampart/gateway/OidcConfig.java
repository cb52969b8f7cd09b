package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * Callers that authenticate with OIDC/JWT bearer tokens ({@code gateway.oidc}): signed by a key
 * of the issuer's JWKS (fetched, cached for {@code jwksCacheTtl}, refetched when an unknown key
 * id appears, at most once per {@code jwksMinRefresh}), with this issuer and audience.
 *
 * @param issuer exact {@code iss} value
 * @param audience a value {@code aud} must contain
 * @param jwksUrl where the issuer publishes its keys
 * @param principalClaim claim that names the principal (default {@code sub})
 * @param groupsClaim claim with the principal's groups, a list or one string (default {@code
 *     groups})
 * @param requestsPerMinute per-principal request quota for token callers, 0 for none
 * @param tokensPerMinute per-principal token quota for token callers, 0 for none
 */
public record OidcConfig(
    String issuer,
    String audience,
    URI jwksUrl,
    String principalClaim,
    String groupsClaim,
    Duration jwksCacheTtl,
    Duration jwksMinRefresh,
    int requestsPerMinute,
    int tokensPerMinute) {

  public OidcConfig {
    requireNonNull(issuer, "issuer");
    requireNonNull(audience, "audience");
    requireNonNull(jwksUrl, "jwksUrl");
    requireNonNull(principalClaim, "principalClaim");
    requireNonNull(groupsClaim, "groupsClaim");
    requireNonNull(jwksCacheTtl, "jwksCacheTtl");
    requireNonNull(jwksMinRefresh, "jwksMinRefresh");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer: \"\" (expected: the issuer's iss value)");
    }
    if (audience.isBlank()) {
      throw new IllegalArgumentException("audience: \"\" (expected: this gateway's audience)");
    }
    if (jwksCacheTtl.isNegative() || jwksCacheTtl.isZero()
        || jwksMinRefresh.isNegative() || jwksMinRefresh.isZero()) {
      throw new IllegalArgumentException(
          "jwks-cache-ttl: " + jwksCacheTtl + " (expected: durations above 0)");
    }
    RouteConfig.nonNegative("requests-per-minute", requestsPerMinute);
    RouteConfig.nonNegative("tokens-per-minute", tokensPerMinute);
  }

  /** {@code sub} names the principal, {@code groups} its groups, JWKS cached 5 minutes. */
  public static OidcConfig of(String issuer, String audience, URI jwksUrl) {
    return new OidcConfig(issuer, audience, jwksUrl, "sub", "groups", Duration.ofMinutes(5),
        Duration.ofSeconds(30), 0, 0);
  }
}
