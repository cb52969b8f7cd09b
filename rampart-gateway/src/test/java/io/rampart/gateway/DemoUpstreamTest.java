package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code rampart demo} will show: the demo model's leaked token never reaches callers. */
class DemoUpstreamTest {
  @Test
  void theDemoModelsLeakIsRedactedByTheGatewayPlainAndStreamed() throws Exception {
    try (DemoUpstream demo = DemoUpstream.start("127.0.0.1", 0);
        Harness h = new Harness(new StubGuard().engine())) {
      GatewayConfig c = h.gateway.config();
      RouteConfig r = c.routes().getFirst();
      h.gateway.reconfigure(c.withRoutes(List.of(new RouteConfig(r.name(), r.pathPrefix(),
          r.protocol(), List.of(demo.url()), r.models(), r.credential(), r.allowGroups(),
          r.allowPrincipals(), 0, 0, r.policy()))));

      String plain = h.chat(Harness.ALICE, "hello").getContentAsString();
      String streamed = h.post("/v1/chat/completions", Harness.ALICE,
          "{\"model\":\"demo-model\",\"stream\":true,\"messages\":[{\"role\":\"user\","
              + "\"content\":\"hello\"}]}").getContentAsString();

      assertThat(plain).contains("You said: \\\"hello\\\"").contains("<GITHUB_TOKEN>")
          .doesNotContain(DemoUpstream.LEAKED);
      assertThat(StreamingTest.streamedText(streamed, "content"))
          .isEqualTo("You said: \"hello\". The deploy token is <GITHUB_TOKEN>.");
    }
  }
}
