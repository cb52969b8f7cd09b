package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.Secret;
import io.rampart.dlp.EntityTypes;
import io.rampart.dlp.RedactionAction;
import io.rampart.dlp.RedactionPolicy;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** Azure OpenAI and Anthropic routes, and pseudonymize-and-restore. */
class ProtocolTest {
  static final String EMAIL = GatewayServerTest.EMAIL;

  @Test
  void azureDeploymentPathKeepsItsQueryUsesApiKeyHeadersAndChecksTheDeployment()
      throws Exception {
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r.protocol(Protocol.AZURE_OPENAI)
        .pathPrefix("/openai").upstreams(java.util.List.of()).models(Set.of("gpt4o"))
        .credential(new UpstreamCredential.StaticKey("api-key", Secret.of("azure-secret"))))) {
      // the builder already holds the fake upstream's /v1 URL; point the route at /openai
      GatewayConfig c = h.gateway.config();
      RouteConfig r = c.routes().getFirst();
      URI azure = URI.create(h.upstream.baseUrl().toString().replace("/v1", "/openai"));
      h.gateway.reconfigure(c.withRoutes(java.util.List.of(new RouteConfig(r.name(),
          r.pathPrefix(), r.protocol(), java.util.List.of(azure), r.models(), r.credential(),
          r.allowGroups(), r.allowPrincipals(), 0, 0, r.policy()))));
      String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

      ContentResponse ok = azure(h, "gpt4o", body);
      ContentResponse other = azure(h, "gpt35", body);

      assertThat(ok.getStatus()).isEqualTo(200);
      FakeUpstream.Received got = h.upstream.last();
      assertThat(got.path()).isEqualTo("/openai/deployments/gpt4o/chat/completions");
      assertThat(got.query()).isEqualTo("api-version=2024-10-21");
      assertThat(got.headers()).containsEntry("api-key", "azure-secret")
          .doesNotContainKey("authorization");
      assertThat(other.getStatus()).isEqualTo(403);
      assertThat(h.events.await(1).getFirst().attributes()).containsEntry("model", "gpt4o");
    }
  }

  static ContentResponse azure(Harness h, String deployment, String body) throws Exception {
    return h.client.newRequest(h.url("/openai/deployments/" + deployment
            + "/chat/completions?api-version=2024-10-21"))
        .method(HttpMethod.POST).headers(x -> x.put("api-key", Harness.ALICE))
        .body(new StringRequestContent("application/json", body))
        .timeout(10, TimeUnit.SECONDS).send();
  }

  @Test
  void anthropicCallersUseXApiKeyAndGetAnthropicShapedErrors() throws Exception {
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r.protocol(Protocol.ANTHROPIC)
        .credential(new UpstreamCredential.StaticKey("x-api-key", Secret.of("anthropic-secret"))))) {
      String body = "{\"model\":\"claude\",\"max_tokens\":10,\"system\":\"be brief\","
          + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
          + "\"mail " + EMAIL + "\"}]}]}";
      h.upstream.respond(rq -> FakeUpstream.Answer.json("{\"type\":\"message\",\"content\":"
          + "[{\"type\":\"text\",\"text\":\"ok\"}],\"usage\":{\"input_tokens\":5,"
          + "\"output_tokens\":1}}"));

      ContentResponse ok = h.client.newRequest(h.url("/v1/messages")).method(HttpMethod.POST)
          .headers(x -> x.put("x-api-key", Harness.ALICE).put("anthropic-version", "2023-06-01"))
          .body(new StringRequestContent("application/json", body)).send();
      ContentResponse denied = h.client.newRequest(h.url("/v1/messages")).method(HttpMethod.POST)
          .headers(x -> x.put("x-api-key", "wrong"))
          .body(new StringRequestContent("application/json", body)).send();

      assertThat(ok.getStatus()).isEqualTo(200);
      FakeUpstream.Received got = h.upstream.last();
      assertThat(got.headers()).containsEntry("x-api-key", "anthropic-secret")
          .containsEntry("anthropic-version", "2023-06-01");
      assertThat(got.body()).doesNotContain(EMAIL).contains("<EMAIL_ADDRESS>");
      assertThat(denied.getStatus()).isEqualTo(401);
      assertThat(GatewayServerTest.json(denied).get("type").asText()).isEqualTo("error");
      assertThat(GatewayServerTest.json(denied).at("/error/type").asText())
          .isEqualTo("authentication_error");
    }
  }

  static RouteConfig.Builder pseudonymizeEmails(RouteConfig.Builder r) {
    RedactionPolicy.Builder request = RedactionPolicy.builder()
        .action(EntityTypes.EMAIL_ADDRESS, new RedactionAction.Pseudonymize());
    EntityTypes.SECRETS.forEach(t -> request.action(t, new RedactionAction.Block()));
    PolicyConfig d = PolicyConfig.DEFAULT;
    RedactionPolicy response = RedactionPolicy.builder()
        .defaultAction(new RedactionAction.Replace()).build();
    return r.policy(new PolicyConfig(request.build(), response, d.maxLabel(), d.guard(), false));
  }

  static String token(FakeUpstream.Received r) {
    Matcher m = Pattern.compile("<EMAIL_ADDRESS_[0-9a-f]{4}_1>").matcher(r.body());
    assertThat(m.find()).as("pseudonym in %s", r.body()).isTrue();
    return m.group();
  }

  @Test
  void pseudonymsGoUpstreamAndAreRestoredForTheCallerPlainAndStreamed() throws Exception {
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), ProtocolTest::pseudonymizeEmails)) {
      h.upstream.respond(rq -> FakeUpstream.Answer.json(
          FakeUpstream.chat("I wrote to " + token(rq) + ".")));
      ContentResponse plain = h.chat(Harness.ALICE, "write to " + EMAIL);

      h.upstream.respond(rq -> {
        String t = token(rq);
        return FakeUpstream.Answer.sse(FakeUpstream.chunk("Sent to " + t.substring(0, 9)),
            FakeUpstream.chunk(t.substring(9) + " today."), FakeUpstream.finish());
      });
      ContentResponse streamed = h.post("/v1/chat/completions", Harness.ALICE,
          "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
              + "\"write to " + EMAIL + "\"}]}");

      assertThat(h.upstream.received).allSatisfy(r -> assertThat(r.body()).doesNotContain(EMAIL));
      assertThat(GatewayServerTest.json(plain).at("/choices/0/message/content").asText())
          .isEqualTo("I wrote to " + EMAIL + ".");
      assertThat(StreamingTest.streamedText(streamed.getContentAsString(), "content"))
          .isEqualTo("Sent to " + EMAIL + " today.");
    }
  }

  @Test
  void aCelConditionOnTheRouteMustHold() throws Exception {
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r.condition(
        "request.model.startsWith('gpt-4o') && 'analysts' in principal.groups"))) {
      int ok = h.post("/v1/chat/completions", Harness.ALICE,
          "{\"model\":\"gpt-4o-mini\",\"messages\":[]}").getStatus();
      ContentResponse wrongModel = h.chat(Harness.ALICE, "hi");
      ContentResponse wrongGroup = h.post("/v1/chat/completions", Harness.BOB,
          "{\"model\":\"gpt-4o-mini\",\"messages\":[]}");

      assertThat(ok).isEqualTo(200);
      assertThat(wrongModel.getStatus()).isEqualTo(403);
      assertThat(GatewayServerTest.json(wrongModel).at("/error/code").asText())
          .isEqualTo("condition_failed");
      assertThat(wrongGroup.getStatus()).isEqualTo(403);
    }
  }

  @Test
  void routeTokenQuotaCountsReportedUsageAndAnswers429() throws Exception {
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(),
        r -> r.tokensPerMinute(30))) {
      // each answer reports 11 prompt + 7 completion tokens
      int first = h.chat(Harness.ALICE, "hi").getStatus();
      int second = h.chat(Harness.ALICE, "hi").getStatus();
      ContentResponse third = h.chat(Harness.ALICE, "hi");

      assertThat(List.of(first, second)).containsOnly(200);
      assertThat(third.getStatus()).isEqualTo(429);
      assertThat(third.getHeaders().get("Retry-After")).isEqualTo("55");
    }
  }
}
