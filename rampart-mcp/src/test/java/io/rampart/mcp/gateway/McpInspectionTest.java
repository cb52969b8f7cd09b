package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.answer;
import static io.rampart.mcp.gateway.McpHarness.call;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.guard.GuardEngine;
import io.rampart.mcp.ToolPinStore;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;

class McpInspectionTest {
  static final String SECRET = FakeMcpUpstream.SECRET;

  @Test
  void aSecretInAToolResultReachesTheCallerRedactedInJsonAndSse() throws Exception {
    try (McpHarness h = new McpHarness()) {
      h.post(ALICE, rpc(1, "tools/list", "{}"));
      ContentResponse json = h.post(ALICE, call(2, "get-env", "{}"));
      h.upstream.sse = true;
      ContentResponse sse = h.post(ALICE, call(3, "get-env", "{}"));

      for (ContentResponse r : new ContentResponse[] {json, sse}) {
        assertThat(r.getContentAsString()).doesNotContain(SECRET).contains("<GITHUB_TOKEN>");
      }
      assertThat(answer(json, 2).at("/result/content/0/text").asText())
          .isEqualTo("HOME=/root\nGITHUB_TOKEN=<GITHUB_TOKEN>\n");
      var e = h.events.await("mcp.request", 3).get(1);
      assertThat(e.attributes()).containsEntry("decision", "redacted")
          .containsEntry("finding_types", java.util.List.of("GITHUB_TOKEN"));
      assertThat(e.attributes().toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void aSecretInToolArgumentsIsBlockedBeforeTheServerSeesIt() throws Exception {
    try (McpHarness h = new McpHarness()) {
      h.post(ALICE, rpc(1, "tools/list", "{}"));
      JsonNode r = answer(h.post(ALICE, call(2, "echo", "{\"message\":\"token " + SECRET + "\"}")), 2);

      assertThat(r.at("/error/data/rule").asText()).isEqualTo("dlp.arguments.block");
      assertThat(r.toString()).doesNotContain(SECRET);
      assertThat(h.upstream.calls("tools/call")).isEmpty();
    }
  }

  @Test
  void personalDataInArgumentsIsRedactedOnTheWayToTheServer() throws Exception {
    try (McpHarness h = new McpHarness()) {
      h.post(ALICE, rpc(1, "tools/list", "{}"));
      JsonNode r = answer(h.post(ALICE, call(2, "echo", "{\"message\":\"mail jane.roe@example.com\"}")), 2);

      assertThat(h.upstream.calls("tools/call").getFirst().body())
          .doesNotContain("jane.roe@example.com").contains("<EMAIL_ADDRESS>");
      assertThat(r.at("/result/content/0/text").asText()).isEqualTo("Echo: mail <EMAIL_ADDRESS>");
    }
  }

  @Test
  void injectedInstructionsInAToolResultAreBlocked() throws Exception {
    try (McpHarness h = new McpHarness()) {
      h.post(ALICE, rpc(1, "tools/list", "{}"));
      JsonNode r = answer(h.post(ALICE, call(2, "fetch-page", "{}")), 2);

      assertThat(r.at("/error/data/rule").asText()).isEqualTo("guard.retrieved");
      assertThat(r.toString()).doesNotContain("evil.example");
    }
  }

  @Test
  void aGuardThatThrowsOnResultsBlocksThemUnlessTheServerFailsOpen() throws Exception {
    GuardEngine onlyTools = (GuardEngine) java.lang.reflect.Proxy.newProxyInstance(
        GuardEngine.class.getClassLoader(), new Class<?>[] {GuardEngine.class},
        (proxy, method, args) -> {
          if (method.getName().equals("inspectTools")) {
            return McpHarness.GUARD.inspectTools((JsonNode) args[0]);
          }
          throw new IllegalStateException("guard down");
        });
    try (McpHarness closed = new McpHarness(ToolPinStore.inMemory(), McpAuthorizer.fromConfig(),
        onlyTools, p -> p);
        McpHarness open = new McpHarness(ToolPinStore.inMemory(), McpAuthorizer.fromConfig(),
            onlyTools, p -> p.failOpen(true))) {
      closed.post(ALICE, rpc(1, "tools/list", "{}"));
      open.post(ALICE, rpc(1, "tools/list", "{}"));

      JsonNode refused = answer(closed.post(ALICE, call(2, "echo", "{\"message\":\"hi\"}")), 2);
      JsonNode passed = answer(open.post(ALICE, call(2, "echo", "{\"message\":\"hi\"}")), 2);

      assertThat(refused.at("/error/data/rule").asText()).isEqualTo("detector-failure.guard");
      assertThat(passed.at("/result/content/0/text").asText()).isEqualTo("Echo: hi");
      assertThat(open.events.await("mcp.request", 2).get(1).attributes())
          .containsEntry("failed_open", true);
    }
  }
}
