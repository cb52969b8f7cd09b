package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static io.rampart.mcp.gateway.McpHarness.answer;
import static io.rampart.mcp.gateway.McpHarness.call;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static io.rampart.mcp.gateway.McpHarness.toolNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.Secret;
import io.rampart.gateway.ApiKeyConfig;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link McpGatewayServer#reconfigure}: policy applies at once, listener settings wait. */
class McpReloadTest {

  /** The harness's configuration with bob also allowed {@code get-env}, and carol added. */
  static McpGatewayConfig widened(McpGatewayConfig c) {
    McpServerConfig s = c.servers().getFirst();
    McpServerConfig.Builder b = McpServerConfig.builder(s.name(), s.url())
        .credential(s.credential()).policy(s.policy())
        .access(s.access().get(0))
        .access(new AccessRule(Set.of("bob"), Set.of(), Set.of("echo", "get-sum", "get-env"),
            Set.of("file:///public/*"), Set.of("simple")));
    McpGatewayConfig.Builder g = McpGatewayConfig.builder().enabled(true).port(c.port())
        .maxMessageBytes(c.maxMessageBytes()).server(b.build())
        .apiKey(c.apiKeys().get(1))
        .apiKey(ApiKeyConfig.builder("carol").key(Secret.of("carol-key-0003")).build());
    return g.build();
  }

  @Test
  void bobGainsAToolAliceLosesHerKeyAndSessionsSurvive() throws Exception {
    try (McpHarness h = new McpHarness()) {
      String session = h.post(BOB, rpc(1, "initialize", "{}")).getHeaders().get("Mcp-Session-Id");
      assertThat(toolNames(answer(h.post(BOB, rpc(2, "tools/list", "{}")), 2)))
          .containsExactly("echo", "get-sum");

      var restart = h.gateway.reconfigure(widened(h.gateway.config()));

      assertThat(restart).isEmpty();
      assertThat(toolNames(answer(h.post(BOB, rpc(3, "tools/list", "{}"),
          Map.of("Mcp-Session-Id", session)), 3))).containsExactly("echo", "get-sum", "get-env");
      assertThat(answer(h.post(BOB, call(4, "get-env", "{}")), 4).has("result")).isTrue();
      assertThat(h.post(ALICE, rpc(5, "tools/list", "{}")).getStatus()).isEqualTo(401);
      assertThat(h.post("carol-key-0003", rpc(6, "ping", "")).getStatus()).isEqualTo(200);
      // the session stays bound to bob across the reload
      assertThat(h.post("carol-key-0003", rpc(7, "ping", ""), Map.of("Mcp-Session-Id", session))
          .getStatus()).isEqualTo(404);
    }
  }

  @Test
  void listenerChangesAreReportedAndWaitForARestart() throws Exception {
    try (McpHarness h = new McpHarness()) {
      int port = h.gateway.port();
      McpGatewayConfig c = h.gateway.config();
      McpGatewayConfig moved = new McpGatewayConfig(true, c.host(), port + 1, c.path(),
          c.maxInFlight() + 1, c.connectTimeout(), c.upstreamTimeout(), c.maxMessageBytes(),
          c.oidc(), c.apiKeys(), c.servers(), c.tls(), c.stdio());

      var restart = h.gateway.reconfigure(moved);

      assertThat(restart).containsExactly("mcp-gateway.port", "mcp-gateway.max-in-flight");
      assertThat(h.gateway.port()).isEqualTo(port);
      assertThat(h.gateway.config().port()).isEqualTo(c.port());
      assertThat(h.post(ALICE, rpc(1, "ping", "")).getStatus()).isEqualTo(200);
    }
  }

  @Test
  void aSectionDisabledWhileRunningKeepsThePolicyInForceAndSaysSo() throws Exception {
    try (McpHarness h = new McpHarness()) {
      var restart = h.gateway.reconfigure(McpGatewayConfig.DEFAULT);

      assertThat(restart).contains("mcp-gateway.enabled");
      assertThat(toolNames(answer(h.post(BOB, rpc(1, "tools/list", "{}")), 1)))
          .containsExactly("echo", "get-sum");
    }
  }
}
