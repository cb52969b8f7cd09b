package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server of the older HTTP+SSE transport behind the bridge: the messages it sends on its
 * own stream that answer nothing (the fake sends a progress notification before each answer)
 * reach the Streamable HTTP caller's GET stream, and only the session's principal may open it.
 */
class McpSseUpstreamStreamTest {
  @Test
  void whatTheServerSendsOnItsOwnReachesTheSessionsGetStream() throws Exception {
    try (McpHarness h = new McpHarness(McpTransport.SSE)) {
      String session = h.post(ALICE, rpc(1, "initialize", "{}")).getHeaders()
          .get("Mcp-Session-Id");
      try (GetStream bob = new GetStream(h.client, h.url(), Map.of("Authorization",
          "Bearer " + BOB, "Accept", "text/event-stream", "Mcp-Session-Id", session))) {
        assertThat(bob.response.getStatus()).isEqualTo(404);
      }
      try (GetStream stream = new GetStream(h.client, h.url(), Map.of("Authorization",
          "Bearer " + ALICE, "Accept", "text/event-stream", "Mcp-Session-Id", session))) {
        assertThat(stream.response.getStatus()).isEqualTo(200);
        // the one sent before the initialize answer, kept for the stream
        assertThat(stream.next().path("method").asText()).isEqualTo("notifications/progress");

        h.post(ALICE, rpc(2, "tools/list", "{}"), Map.of("Mcp-Session-Id", session));
        assertThat(stream.next().path("method").asText()).isEqualTo("notifications/progress");
      }
    }
  }
}
