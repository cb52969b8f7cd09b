package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OAuth2 client credentials and Azure identities: fetched, cached, refreshed before expiry. */
class TokenCredentialTest {
  @TempDir
  Path dir;

  /** Serves tokens tok-1, tok-2, ... on any path containing "token", chat elsewhere. */
  static AtomicInteger serveTokens(Harness h, String expiresIn) {
    AtomicInteger issued = new AtomicInteger();
    h.upstream.respond(r -> r.path().contains("token")
        ? FakeUpstream.Answer.json("{\"access_token\":\"tok-" + issued.incrementAndGet()
            + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")
        : FakeUpstream.Answer.json(FakeUpstream.chat("ok")));
    return issued;
  }

  static URI at(Harness h, String path) {
    return h.upstream.baseUrl().resolve(path);
  }

  static void use(Harness h, UpstreamCredential credential) {
    GatewayConfig c = h.gateway.config();
    RouteConfig r = c.routes().getFirst();
    h.gateway.reconfigure(c.withRoutes(List.of(new RouteConfig(r.name(), r.pathPrefix(),
        r.protocol(), r.upstreams(), r.models(), credential, r.allowGroups(),
        r.allowPrincipals(), 0, 0, r.policy()))));
  }

  static List<String> upstreamAuth(Harness h) {
    return h.upstream.received.stream().filter(r -> r.path().endsWith("/chat/completions"))
        .map(r -> r.headers().get("authorization")).toList();
  }

  @Test
  void clientCredentialsTokenIsCachedThenRefreshedBeforeExpiry() throws Exception {
    try (Harness h = new Harness(new StubGuard().engine())) {
      AtomicInteger issued = serveTokens(h, "3600");
      use(h, new UpstreamCredential.OAuth2ClientCredentials(at(h, "/oauth/token"), "gw",
          Secret.of("client-secret"), Optional.of("api://models/.default")));

      h.chat(Harness.ALICE, "one");
      h.chat(Harness.ALICE, "two");
      h.clock.advance(Duration.ofMinutes(56));
      h.chat(Harness.ALICE, "three");

      assertThat(issued.get()).isEqualTo(2);
      assertThat(upstreamAuth(h)).containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
      FakeUpstream.Received tokenCall = h.upstream.received.getFirst();
      assertThat(tokenCall.body()).contains("grant_type=client_credentials")
          .contains("client_secret=client-secret").contains("scope=api%3A%2F%2Fmodels");
    }
  }

  @Test
  void azureManagedIdentityAsksImdsForCognitiveServices() throws Exception {
    try (Harness h = new Harness(new StubGuard().engine())) {
      serveTokens(h, "\"3599\"");
      use(h, new UpstreamCredential.AzureManagedIdentity(at(h, "/metadata/identity/oauth2/token"),
          UpstreamCredential.COGNITIVE_SERVICES, Optional.empty()));

      assertThat(h.chat(Harness.ALICE, "hi").getStatus()).isEqualTo(200);

      FakeUpstream.Received imds = h.upstream.received.getFirst();
      assertThat(imds.headers()).containsEntry("metadata", "true");
      assertThat(imds.query()).contains("resource=https%3A%2F%2Fcognitiveservices.azure.com")
          .contains("api-version=2018-02-01");
      assertThat(upstreamAuth(h)).containsExactly("Bearer tok-1");
    }
  }

  @Test
  void workloadIdentityExchangesTheFederatedTokenFile() throws Exception {
    Path file = dir.resolve("azure-identity-token");
    Files.writeString(file, "federated.jwt.value\n");
    try (Harness h = new Harness(new StubGuard().engine())) {
      serveTokens(h, "3600");
      use(h, new UpstreamCredential.AzureWorkloadIdentity(at(h, "/"), "tenant-1", "app-1", file,
          UpstreamCredential.COGNITIVE_SERVICES + "/.default"));

      assertThat(h.chat(Harness.ALICE, "hi").getStatus()).isEqualTo(200);

      FakeUpstream.Received exchange = h.upstream.received.getFirst();
      assertThat(exchange.path()).isEqualTo("/tenant-1/oauth2/v2.0/token");
      assertThat(exchange.body()).contains("client_assertion=federated.jwt.value")
          .contains("client_id=app-1");
    }
  }

  @Test
  void aFailingTokenEndpointFailsTheRequestWithoutCallingTheModel() throws Exception {
    try (Harness h = new Harness(new StubGuard().engine())) {
      h.upstream.respond(r -> new FakeUpstream.Answer(500, "application/json", List.of("{}")));
      use(h, new UpstreamCredential.OAuth2ClientCredentials(at(h, "/oauth/token"), "gw",
          Secret.of("s"), Optional.empty()));

      assertThat(h.chat(Harness.ALICE, "hi").getStatus()).isEqualTo(502);
      assertThat(upstreamAuth(h)).isEmpty();
    }
  }
}
