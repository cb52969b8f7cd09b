package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Arbitrary bodies from callers and arbitrary event streams from servers through one running
 * gateway: every answer is a known status with a JSON-RPC body, and nothing crashes it.
 */
class McpGatewayFuzzTest {
  private static McpHarness h;

  private static synchronized McpHarness harness() throws Exception {
    if (h == null) {
      h = new McpHarness();
    }
    return h;
  }

  @AfterContainer
  static void close() throws Exception {
    if (h != null) {
      h.close();
      h = null;
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"jsonrpc\"",
        "\"2.0\"", "\"id\"", "1", "-1", "null", "\"method\"", "\"tools/call\"", "\"tools/list\"",
        "\"params\"", "\"name\"", "\"echo\"", "\"arguments\"", "\"result\"", "\"error\"", "\u0000",
        "\uFEFF", " ", "1e999", "\"\\ud800\"", "true");
    return Arbitraries.oneOf(fragments.list().ofMaxSize(40).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(200));
  }

  @Property(tries = 300)
  void arbitraryCallerBodiesGetAJsonRpcAnswer(@ForAll("bodies") String body) throws Exception {
    McpHarness g = harness();
    g.upstream.rawSse = null;
    ContentResponse r = g.client.newRequest(g.url()).method(HttpMethod.POST)
        .headers(x -> x.put("Authorization", "Bearer " + McpHarness.ALICE))
        .body(new BytesRequestContent("application/json", body.getBytes(StandardCharsets.UTF_8)))
        .timeout(10, TimeUnit.SECONDS).send();

    assertThat(r.getStatus()).isIn(200, 202, 400, 502);
    if (r.getStatus() != 202) {
      JsonNode answer = McpHarness.body(r);
      assertThat(answer.isObject() || answer.isArray()).isTrue();
    }
  }

  @Provide
  Arbitrary<byte[]> streams() {
    Arbitrary<String> lines = Arbitraries.of("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
        "data: {\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{\"tools\":[]}}",
        "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}", "data: {broken",
        "event: message", "event: other", "id: 7", "retry: 10", ": keep-alive", "", "\r",
        "data: [", "data: ]", "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"x\"}}");
    return Arbitraries.oneOf(
        lines.list().ofMaxSize(30).map(l -> (String.join("\n", l) + "\n")
            .getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
  }

  @Property(tries = 300)
  void arbitraryServerStreamsAreRelayedAsWellFormedMessagesOnly(@ForAll("streams") byte[] sse)
      throws Exception {
    McpHarness g = harness();
    g.upstream.rawSse = sse;
    ContentResponse r = g.post(McpHarness.ALICE, McpHarness.rpc(1, "ping", ""));

    assertThat(r.getStatus()).isEqualTo(200);
    JsonNode messages = McpHarness.body(r);
    Set<Integer> ids = new java.util.HashSet<>();
    for (JsonNode m : messages) {
      assertThat(m.path("jsonrpc").asText()).isEqualTo("2.0");
      if (m.has("id")) {
        ids.add(m.path("id").asInt());
        assertThat(m.path("id").asInt()).as("only the forwarded request is answered").isEqualTo(1);
      }
    }
    // the request is always answered: by the server, or by the gateway when the stream ended
    assertThat(ids).containsExactly(1);
    assertThat(List.of(r.getContentAsString().split("\n\n"))).allSatisfy(event ->
        assertThat(event.isBlank() || event.contains("data: {")).isTrue());
  }
}
