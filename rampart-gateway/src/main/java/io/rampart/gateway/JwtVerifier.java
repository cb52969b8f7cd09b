package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies OIDC/JWT bearer tokens with Nimbus: signature by a key of the issuer's JWKS
 * (asymmetric algorithms only, so a token can never be checked with a shared secret), {@code
 * iss}, {@code aud}, {@code exp}/{@code nbf} against the injected clock with 60 s skew. Any
 * failure, including an unreachable JWKS, means "not authenticated".
 */
final class JwtVerifier {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256,
      JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
      JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
      JWSAlgorithm.EdDSA);

  private final OidcConfig config;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  JwtVerifier(OidcConfig config, Clock clock) {
    this.config = requireNonNull(config, "config");
    requireNonNull(clock, "clock");
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(config.jwksUrl().toURL())
          .cache(config.jwksCacheTtl().toMillis(), 15_000)
          .rateLimited(config.jwksMinRefresh().toMillis())
          .retrying(false)
          .build();
    } catch (MalformedURLException e) {
      throw new GatewayException("oidc.jwks-url: not a URL (expected: http(s)://...)", e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        Set.of(config.audience()), new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
        Set.of("exp", config.principalClaim()), null) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    };
    claims.setMaxClockSkew(60);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Whether {@code token} looks like a compact JWS (so API keys never reach the verifier). */
  static boolean looksLikeJwt(String token) {
    return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
  }

  /** The principal the token names, or empty when it does not verify. */
  Optional<Exchange.Principal> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      String name = claims.getStringClaim(config.principalClaim());
      if (name == null || name.isBlank()) {
        return Optional.empty();
      }
      List<String> groups = new ArrayList<>();
      Object g = claims.getClaim(config.groupsClaim());
      if (g instanceof String s) {
        groups.add(s);
      } else if (g instanceof List<?> list) {
        list.forEach(x -> groups.add(String.valueOf(x)));
      }
      ApiKeyConfig limits = ApiKeyConfig.builder(name).groups(Set.copyOf(groups))
          .requestsPerMinute(config.requestsPerMinute())
          .tokensPerMinute(config.tokensPerMinute()).build();
      return Optional.of(new Exchange.Principal(name, List.copyOf(groups), limits));
    } catch (Exception e) {
      // bad signature, unknown key, wrong claims, JWKS unreachable: all the same to the caller
      return Optional.empty();
    }
  }
}
