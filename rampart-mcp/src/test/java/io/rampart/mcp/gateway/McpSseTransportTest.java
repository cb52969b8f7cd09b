package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static io.rampart.mcp.gateway.McpHarness.UPSTREAM_KEY;
import static io.rampart.mcp.gateway.McpHarness.call;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static io.rampart.mcp.gateway.McpHarness.toolNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The older HTTP+SSE transport on either side of the gateway, in every combination with
 * Streamable HTTP: the same authentication, authorization, list filtering and DLP apply.
 */
class McpSseTransportTest {
  /** Which transport the caller uses and which the gateway uses upstream. */
  enum Combo {
    STREAMABLE_TO_SSE(false, McpTransport.SSE),
    SSE_TO_STREAMABLE(true, McpTransport.STREAMABLE_HTTP),
    SSE_TO_SSE(true, McpTransport.SSE);

    final boolean legacyCaller;
    final McpTransport upstream;

    Combo(boolean legacyCaller, McpTransport upstream) {
      this.legacyCaller = legacyCaller;
      this.upstream = upstream;
    }
  }

  /** One MCP client session through the gateway, of either transport. */
  interface Session extends AutoCloseable {
    JsonNode call(int id, String json) throws Exception;
  }

  static Session open(McpHarness h, Combo combo, String key) throws Exception {
    String init = rpc(1, "initialize", "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
    String initialized = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    if (combo.legacyCaller) {
      LegacySseClient c = new LegacySseClient(h.client, URI.create(h.url() + "/sse"), key);
      assertThat(c.endpoint().getPath()).isEqualTo("/mcp/messages");
      assertThat(c.call(init, 1).at("/result/serverInfo/name").asText()).isEqualTo("fake");
      assertThat(c.post(initialized).getStatus()).isEqualTo(202);
      return new Session() {
        @Override
        public JsonNode call(int id, String json) throws Exception {
          return c.call(json, id);
        }

        @Override
        public void close() throws Exception {
          c.close();
        }
      };
    }
    ContentResponse r = h.post(key, init);
    String session = r.getHeaders().get("Mcp-Session-Id");
    assertThat(session).hasSize(32); // issued by the gateway for its session with the server
    assertThat(McpHarness.answer(r, 1).at("/result/serverInfo/name").asText()).isEqualTo("fake");
    assertThat(h.post(key, initialized, Map.of("Mcp-Session-Id", session)).getStatus())
        .isEqualTo(202);
    return new Session() {
      @Override
      public JsonNode call(int id, String json) throws Exception {
        ContentResponse r = h.post(key, json, Map.of("Mcp-Session-Id", session));
        return r.getContent().length == 0 // such as 404 for a session that ended
            ? FakeMcpUpstream.JSON.createObjectNode().put("http-status", r.getStatus())
            : McpHarness.answer(r, id);
      }

      @Override
      public void close() {}
    };
  }

  /**
   * The first {@code n} message events; a legacy caller in front of a Streamable HTTP server
   * also has the relayed GET stream, which the fake ends at once (one more event).
   */
  static List<io.rampart.core.event.Event> messages(McpHarness h, Combo combo, int n)
      throws InterruptedException {
    int extra = combo == Combo.SSE_TO_STREAMABLE ? 1 : 0;
    return h.events.await("mcp.request", n + extra).stream()
        .filter(e -> !"(GET)".equals(e.attributes().get("method"))).toList();
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void listsToolsAndCallsATool(Combo combo) throws Exception {
    try (McpHarness h = new McpHarness(combo.upstream); Session alice = open(h, combo, ALICE)) {
      JsonNode list = alice.call(2, rpc(2, "tools/list", "{}"));
      JsonNode sum = alice.call(3, call(3, "get-sum", "{\"a\":2,\"b\":3}"));

      assertThat(toolNames(list)).containsExactly("echo", "get-sum", "get-env", "fetch-page");
      assertThat(sum.at("/result/content/0/text").asText()).isEqualTo("5");
      assertThat(h.upstream.calls("tools/call")).singleElement().satisfies(r -> {
        assertThat(r.headers()).containsEntry("authorization", "Bearer " + UPSTREAM_KEY);
        assertThat(r.headers().toString()).doesNotContain(ALICE);
      });
      if (combo.upstream == McpTransport.SSE) {
        assertThat(h.upstream.received.getFirst().method()).isEqualTo("GET");
        assertThat(h.upstream.received.getFirst().headers())
            .containsEntry("authorization", "Bearer " + UPSTREAM_KEY);
        assertThat(h.upstream.calls("tools/call").getFirst().headers())
            .doesNotContainKey("mcp-session-id");
      }
      assertThat(messages(h, combo, 4)).extracting(e -> e.attributes().get("method"))
          .containsExactlyInAnyOrder("initialize", "notifications/initialized", "tools/list",
              "tools/call");
    }
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void bobSeesOnlyHisToolsAndIsRefusedTheOthersWithMinus32010(Combo combo) throws Exception {
    try (McpHarness h = new McpHarness(combo.upstream); Session bob = open(h, combo, BOB)) {
      JsonNode list = bob.call(2, rpc(2, "tools/list", "{}"));
      JsonNode refused = bob.call(3, call(3, "get-env", "{}"));

      assertThat(toolNames(list)).containsExactly("echo", "get-sum");
      assertThat(refused.at("/error/code").asInt()).isEqualTo(McpErrors.POLICY);
      assertThat(refused.at("/error/data/rule").asText()).isEqualTo("mcp.tool.access");
      assertThat(h.upstream.calls("tools/call")).isEmpty();
      assertThat(messages(h, combo, 4)).anySatisfy(e -> assertThat(e.attributes())
          .containsEntry("tool", "get-env").containsEntry("decision", "blocked"));
    }
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void aSecretInAToolResultArrivesRedacted(Combo combo) throws Exception {
    try (McpHarness h = new McpHarness(combo.upstream); Session alice = open(h, combo, ALICE)) {
      alice.call(2, rpc(2, "tools/list", "{}"));
      JsonNode env = alice.call(3, call(3, "get-env", "{}"));

      assertThat(env.toString()).doesNotContain(FakeMcpUpstream.SECRET);
      assertThat(env.at("/result/content/0/text").asText())
          .isEqualTo("HOME=/root\nGITHUB_TOKEN=<GITHUB_TOKEN>\n");
      assertThat(messages(h, combo, 4)).anySatisfy(e -> assertThat(e.attributes())
          .containsEntry("tool", "get-env").containsEntry("decision", "redacted"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Combo.class, names = {"STREAMABLE_TO_SSE", "SSE_TO_SSE"})
  void theServerDroppingItsStreamMidCallGivesAJsonRpcErrorNotAHang(Combo combo)
      throws Exception {
    try (McpHarness h = new McpHarness(combo.upstream); Session alice = open(h, combo, ALICE)) {
      alice.call(2, rpc(2, "tools/list", "{}")); // pins the tools, so echo may be called
      h.upstream.legacy.dropOn = "tools/call";

      JsonNode r = alice.call(3, call(3, "echo", "{\"message\":\"hi\"}"));

      assertThat(r.at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
      assertThat(h.upstream.calls("tools/call")).hasSize(1);
      assertThat(messages(h, combo, 4)).anySatisfy(e -> assertThat(e.attributes())
          .containsEntry("tool", "echo").containsEntry("decision", "error"));
      // the session died with its stream: the next message is answered, not left hanging
      JsonNode after = alice.call(4, rpc(4, "ping", ""));
      if (combo.legacyCaller) {
        assertThat(after.at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
      } else {
        assertThat(after.path("http-status").asInt()).isEqualTo(404); // the client re-initializes
      }
    }
  }
}
