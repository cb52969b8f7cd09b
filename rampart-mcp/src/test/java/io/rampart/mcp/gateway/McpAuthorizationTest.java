package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static io.rampart.mcp.gateway.McpHarness.answer;
import static io.rampart.mcp.gateway.McpHarness.call;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static io.rampart.mcp.gateway.McpHarness.toolNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.ToolPinStore;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;

class McpAuthorizationTest {

  @Test
  void bobSeesOnlyEchoAndGetSumAndOtherCallsAreRefusedNotJustHidden() throws Exception {
    try (McpHarness h = new McpHarness()) {
      assertThat(toolNames(answer(h.post(ALICE, rpc(1, "tools/list", "{}")), 1)))
          .containsExactly("echo", "get-sum", "get-env", "fetch-page");
      assertThat(toolNames(answer(h.post(BOB, rpc(1, "tools/list", "{}")), 1)))
          .containsExactly("echo", "get-sum");

      JsonNode refused = answer(h.post(BOB, call(2, "get-env", "{}")), 2);
      JsonNode allowed = answer(h.post(BOB, call(3, "get-sum", "{\"a\":2,\"b\":3}")), 3);

      assertThat(refused.at("/error/code").asInt()).isEqualTo(McpErrors.POLICY);
      assertThat(refused.at("/error/data/rule").asText()).isEqualTo("mcp.tool.access");
      assertThat(allowed.at("/result/content/0/text").asText()).isEqualTo("5");
      assertThat(h.upstream.calls("tools/call")).hasSize(1);
      var refusedEvent = h.events.await("mcp.request", 4).get(2);
      assertThat(refusedEvent.principal()).isEqualTo("bob");
      assertThat(refusedEvent.attributes()).containsEntry("tool", "get-env")
          .containsEntry("decision", "blocked").containsEntry("method", "tools/call");
    }
  }

  @Test
  void resourcesAndPromptsAreFilteredAndRefusedPerPrincipal() throws Exception {
    try (McpHarness h = new McpHarness()) {
      JsonNode resources = answer(h.post(BOB, rpc(1, "resources/list", "{}")), 1);
      JsonNode prompts = answer(h.post(BOB, rpc(2, "prompts/list", "{}")), 2);
      JsonNode readPrivate = answer(h.post(BOB, rpc(3, "resources/read",
          "{\"uri\":\"file:///private/keys.txt\"}")), 3);
      JsonNode readPublic = answer(h.post(BOB, rpc(4, "resources/read",
          "{\"uri\":\"file:///public/readme.md\"}")), 4);
      JsonNode getAdmin = answer(h.post(BOB, rpc(5, "prompts/get", "{\"name\":\"admin-only\"}")), 5);

      assertThat(resources.at("/result/resources")).hasSize(1);
      assertThat(resources.at("/result/resources/0/uri").asText()).isEqualTo("file:///public/readme.md");
      assertThat(prompts.at("/result/prompts")).hasSize(1);
      assertThat(readPrivate.at("/error/data/rule").asText()).isEqualTo("mcp.resource.access");
      assertThat(readPublic.at("/result/contents/0/text").asText()).isEqualTo("contents");
      assertThat(getAdmin.at("/error/data/rule").asText()).isEqualTo("mcp.prompt.access");
      assertThat(h.upstream.calls("resources/read")).hasSize(1);
      assertThat(h.upstream.calls("prompts/get")).isEmpty();
    }
  }

  @Test
  void anAuthorizerThatThrowsDeniesEverything() throws Exception {
    McpAuthorizer broken = (caller, server, kind, name) -> {
      throw new IllegalStateException("policy backend down");
    };
    try (McpHarness h = new McpHarness(ToolPinStore.inMemory(), broken, McpHarness.GUARD,
        p -> p)) {
      JsonNode list = answer(h.post(ALICE, rpc(1, "tools/list", "{}")), 1);
      JsonNode refused = answer(h.post(ALICE, call(2, "echo", "{\"message\":\"hi\"}")), 2);

      assertThat(toolNames(list)).isEmpty();
      assertThat(refused.at("/error/code").asInt()).isEqualTo(McpErrors.POLICY);
      assertThat(h.upstream.calls("tools/call")).isEmpty();
    }
  }

  @Test
  void aBatchWithOneRefusedCallIsAnsweredWholeAndNeverForwarded() throws Exception {
    try (McpHarness h = new McpHarness()) {
      h.post(BOB, rpc(1, "tools/list", "{}"));
      ContentResponse r = h.post(BOB, "[" + call(2, "echo", "{\"message\":\"hi\"}") + ","
          + call(3, "get-env", "{}") + "]");

      assertThat(answer(r, 2).at("/error/data/rule").asText()).isEqualTo("mcp.batch");
      assertThat(answer(r, 3).at("/error/data/rule").asText()).isEqualTo("mcp.tool.access");
      assertThat(h.upstream.calls("tools/call")).isEmpty();
    }
  }

  @Test
  void aPerToolQuotaRefusesCallsBeyondItWithAJsonRpcError() throws Exception {
    try (McpHarness h = new McpHarness(ToolPinStore.inMemory(), McpAuthorizer.fromConfig(),
        McpHarness.GUARD, p -> p.toolCallsPerMinute(2))) {
      h.post(ALICE, rpc(1, "tools/list", "{}"));
      for (int id = 2; id <= 3; id++) {
        assertThat(answer(h.post(ALICE, call(id, "echo", "{\"message\":\"hi\"}")), id)
            .has("result")).isTrue();
      }
      JsonNode limited = answer(h.post(ALICE, call(4, "echo", "{\"message\":\"hi\"}")), 4);
      JsonNode otherTool = answer(h.post(ALICE, call(5, "get-sum", "{\"a\":1,\"b\":1}")), 5);

      assertThat(limited.at("/error/code").asInt()).isEqualTo(McpErrors.RATE_LIMITED);
      assertThat(otherTool.has("result")).isTrue();
      assertThat(h.upstream.calls("tools/call")).hasSize(3);
    }
  }
}
