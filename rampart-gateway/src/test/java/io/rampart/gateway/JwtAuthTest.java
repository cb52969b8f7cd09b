package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OIDC/JWT bearer tokens: issuer, audience, expiry, groups and JWKS key rotation. */
class JwtAuthTest {
  static final String ISSUER = "https://idp.example.test";
  static final String AUDIENCE = "rampart-gateway";

  static String token(ECKey key, String audience, Instant expires, List<String> groups)
      throws Exception {
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
        new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject("svc-reporting")
            .expirationTime(Date.from(expires)).claim("groups", groups).build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void validTokensAuthenticateAndEverythingElseIs401() throws Exception {
    ECKey k1 = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    ECKey k2 = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    try (FakeUpstream idp = new FakeUpstream()) {
      idp.respond(r -> FakeUpstream.Answer.json(new JWKSet(k1).toString(true)));
      URI jwks = URI.create(idp.baseUrl().toString().replace("/v1", "/jwks"));
      OidcConfig oidc = new OidcConfig(ISSUER, AUDIENCE, jwks, "sub", "groups",
          Duration.ofMinutes(5), Duration.ofMillis(1), 0, 0);
      try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r, g -> g.oidc(oidc))) {
        Instant later = h.clock.instant().plusSeconds(600);
        List<String> analysts = List.of("analysts");

        int ok = h.chat(token(k1, AUDIENCE, later, analysts), "hi").getStatus();
        int wrongAudience = h.chat(token(k1, "other", later, analysts), "hi").getStatus();
        int expired = h.chat(token(k1, AUDIENCE, h.clock.instant().minusSeconds(120),
            analysts), "hi").getStatus();
        int forged = h.chat(token(stranger, AUDIENCE, later, analysts), "hi").getStatus();
        int wrongGroup = h.chat(token(k1, AUDIENCE, later, List.of("guests")), "hi").getStatus();
        idp.respond(r -> FakeUpstream.Answer.json(
            new JWKSet(List.of(k1.toPublicJWK(), k2.toPublicJWK())).toString()));
        int rotated = h.chat(token(k2, AUDIENCE, later, analysts), "hi").getStatus();

        assertThat(List.of(ok, wrongAudience, expired, forged, wrongGroup, rotated))
            .containsExactly(200, 401, 401, 401, 403, 200);
        assertThat(h.events.await(1).getFirst().principal()).isEqualTo("svc-reporting");
        assertThat(h.upstream.received).allSatisfy(
            r -> assertThat(r.headers().get("authorization")).isEqualTo("Bearer upstream-key"));
      }
    }
  }
}
