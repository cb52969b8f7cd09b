package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.answer;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McpProxyTest {
  McpHarness h;

  McpProxyTest() throws Exception {
    h = new McpHarness();
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void initializePassesTheSessionIdBothWaysAndInjectsTheUpstreamCredential() throws Exception {
    ContentResponse init = h.post(ALICE, rpc(1, "initialize", "{\"protocolVersion\":\"2025-06-18\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}"));

    assertThat(init.getStatus()).isEqualTo(200);
    assertThat(init.getHeaders().get("Mcp-Session-Id")).isEqualTo("sess-1");
    assertThat(answer(init, 1).at("/result/serverInfo/name").asText()).isEqualTo("fake");

    ContentResponse ping = h.post(ALICE, rpc(2, "ping", ""), Map.of("Mcp-Session-Id", "sess-1",
        "MCP-Protocol-Version", "2025-06-18"));
    assertThat(answer(ping, 2).has("result")).isTrue();
    FakeMcpUpstream.Received seen = h.upstream.calls("ping").getFirst();
    assertThat(seen.headers()).containsEntry("mcp-session-id", "sess-1")
        .containsEntry("mcp-protocol-version", "2025-06-18")
        .containsEntry("authorization", "Bearer " + McpHarness.UPSTREAM_KEY);
    assertThat(seen.headers().toString()).doesNotContain(ALICE);
  }

  @Test
  void notificationsAre202AndSseAnswersAreRelayedEventByEvent() throws Exception {
    ContentResponse note = h.post(ALICE, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(note.getStatus()).isEqualTo(202);

    h.upstream.sse = true;
    ContentResponse list = h.post(ALICE, rpc(3, "tools/list", "{}"));

    assertThat(list.getHeaders().get("content-type")).startsWith("text/event-stream");
    JsonNode events = McpHarness.body(list);
    assertThat(events).hasSize(2); // the progress notification, then the answer
    assertThat(events.get(0).path("method").asText()).isEqualTo("notifications/progress");
    assertThat(McpHarness.toolNames(answer(list, 3))).contains("echo", "get-sum");
    assertThat(list.getContentAsString()).contains("id: e1");
  }

  @Test
  void getStreamRelaysServerMessagesButDropsAnswersToUnknownRequests() throws Exception {
    ContentResponse get = h.send(ALICE, HttpMethod.GET, Map.of("Accept", "text/event-stream"));

    assertThat(get.getStatus()).isEqualTo(200);
    assertThat(get.getContentAsString()).contains("notifications/tools/list_changed")
        .contains("id: g1").doesNotContain("stale");
  }

  @Test
  void deleteEndsTheSessionUpstream() throws Exception {
    ContentResponse del = h.send(ALICE, HttpMethod.DELETE, Map.of("Mcp-Session-Id", "sess-9"));

    assertThat(del.getStatus()).isEqualTo(200);
    assertThat(h.upstream.received.getLast().method()).isEqualTo("DELETE");
    assertThat(h.upstream.received.getLast().headers()).containsEntry("mcp-session-id", "sess-9");
  }

  @Test
  void noKeyOrAWrongKeyIs401WithWwwAuthenticateAndNothingReachesTheServer() throws Exception {
    ContentResponse none = h.post(null, rpc(1, "tools/list", "{}"));
    ContentResponse wrong = h.post("not-a-key", rpc(1, "tools/list", "{}"));

    for (ContentResponse r : new ContentResponse[] {none, wrong}) {
      assertThat(r.getStatus()).isEqualTo(401);
      assertThat(r.getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
      assertThat(McpHarness.body(r).at("/error/code").asInt()).isEqualTo(McpErrors.UNAUTHORIZED);
    }
    assertThat(h.upstream.received).isEmpty();
    assertThat(h.events.await("mcp.request", 2)).allSatisfy(e ->
        assertThat(e.attributes()).containsEntry("decision", "unauthenticated"));
  }

  @Test
  void malformedJsonIs400ParseErrorAndOversizedIs413() throws Exception {
    ContentResponse bad = h.post(ALICE, "{\"jsonrpc\":");
    ContentResponse big = h.post(ALICE, rpc(1, "tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"message\":\"" + "x".repeat(1_100_000) + "\"}}"));
    ContentResponse notRpc = h.post(ALICE, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}");

    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(McpHarness.body(bad).at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(big.getStatus()).isEqualTo(413);
    assertThat(notRpc.getStatus()).isEqualTo(400);
    assertThat(McpHarness.body(notRpc).at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(h.upstream.received).isEmpty();
  }

  @Test
  void anotherPrincipalCannotRideASessionIssuedToAlice() throws Exception {
    h.post(ALICE, rpc(1, "initialize", "{}"));

    ContentResponse bob = h.post(McpHarness.BOB, rpc(2, "ping", ""), Map.of("Mcp-Session-Id", "sess-1"));

    assertThat(bob.getStatus()).isEqualTo(404);
    assertThat(h.upstream.calls("ping")).isEmpty();
  }

  @Test
  void upstreamGarbageIs502WithAJsonRpcErrorForTheRequest() throws Exception {
    h.upstream.mode = FakeMcpUpstream.Mode.GARBAGE;

    ContentResponse r = h.post(ALICE, rpc(7, "ping", ""));

    assertThat(r.getStatus()).isEqualTo(502);
    assertThat(answer(r, 7).at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
  }

  @Test
  void upstreamHugeAnswerIs502NotBuffered() throws Exception {
    h.upstream.mode = FakeMcpUpstream.Mode.HUGE;

    ContentResponse r = h.post(ALICE, rpc(1, "ping", ""));

    assertThat(r.getStatus()).isEqualTo(502);
    assertThat(r.getContentAsString()).contains("larger than");
  }

  @Test
  void upstreamDisconnectMidStreamGivesEachPendingRequestAnError() throws Exception {
    h.upstream.sse = true;
    h.upstream.mode = FakeMcpUpstream.Mode.DISCONNECT;

    ContentResponse r = h.post(ALICE, rpc(5, "ping", ""));

    assertThat(answer(r, 5).at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
    assertThat(h.events.await("mcp.request", 1).getFirst().attributes())
        .containsEntry("error_code", "upstream_disconnected");
  }

  @Test
  void unreachableServerIs502() throws Exception {
    h.upstream.close();

    ContentResponse r = h.post(ALICE, rpc(4, "ping", ""));

    assertThat(r.getStatus()).isEqualTo(502);
    assertThat(answer(r, 4).at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
  }
}
