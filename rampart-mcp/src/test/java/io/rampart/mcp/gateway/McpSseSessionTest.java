package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.SseEvent;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions of the older HTTP+SSE transport: who may open one and feed it, and what a caller
 * sees when the server's stream misbehaves.
 */
class McpSseSessionTest {
  final McpHarness h;

  McpSseSessionTest() throws Exception {
    h = new McpHarness(McpTransport.SSE);
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  URI sse() {
    return URI.create(h.url() + "/sse");
  }

  @Test
  void withoutAKeyNoStreamOpensAndNothingReachesTheServer() throws Exception {
    try (LegacySseClient none = new LegacySseClient(h.client, sse(), null);
        LegacySseClient wrong = new LegacySseClient(h.client, sse(), "not-a-key")) {
      assertThat(none.response.getStatus()).isEqualTo(401);
      assertThat(wrong.response.getStatus()).isEqualTo(401);
      assertThat(none.response.getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
    }
    assertThat(h.upstream.received).isEmpty();
  }

  @Test
  void aSessionIsBoundToThePrincipalThatOpenedIt() throws Exception {
    try (LegacySseClient alice = new LegacySseClient(h.client, sse(), ALICE)) {
      String endpoint = alice.endpoint().toString();
      assertThat(endpoint).matches(".*/mcp/messages\\?sessionId=[0-9a-f]{32}");

      ContentResponse bob = alice.post(BOB, alice.endpoint(), rpc(1, "initialize", "{}"));
      ContentResponse unknown = alice.post(ALICE, URI.create(h.url() + "/messages?sessionId="
          + "0".repeat(32)), rpc(1, "initialize", "{}"));
      ContentResponse none = alice.post(ALICE, URI.create(h.url() + "/messages"),
          rpc(1, "initialize", "{}"));

      for (ContentResponse r : new ContentResponse[] {bob, unknown, none}) {
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(McpHarness.body(r).at("/error/code").asInt()).isEqualTo(McpErrors.POLICY);
      }
      assertThat(h.upstream.received).isEmpty(); // nothing was forwarded, no stream opened
      assertThat(alice.call(rpc(2, "initialize", "{}"), 2).at("/result/serverInfo/name")
          .asText()).isEqualTo("fake");
    }
  }

  @Test
  void wrongMethodsAre405AndAMalformedMessageIsAParseErrorOnTheStream() throws Exception {
    ContentResponse postSse = h.post(ALICE, rpc(1, "ping", ""), java.util.Map.of());
    assertThat(postSse.getStatus()).isNotEqualTo(405); // the Streamable HTTP endpoint is intact
    ContentResponse getMessages = h.client.newRequest(URI.create(h.url() + "/messages"))
        .method(HttpMethod.GET).headers(x -> x.put("Authorization", "Bearer " + ALICE))
        .timeout(10, TimeUnit.SECONDS).send();
    ContentResponse deleteSse = h.client.newRequest(sse()).method(HttpMethod.DELETE)
        .headers(x -> x.put("Authorization", "Bearer " + ALICE))
        .timeout(10, TimeUnit.SECONDS).send();
    assertThat(getMessages.getStatus()).isEqualTo(405);
    assertThat(getMessages.getHeaders().get("Allow")).isEqualTo("POST");
    assertThat(deleteSse.getStatus()).isEqualTo(405);

    try (LegacySseClient alice = new LegacySseClient(h.client, sse(), ALICE)) {
      assertThat(alice.post("{\"jsonrpc\":").getStatus()).isEqualTo(202);
      SseEvent e = alice.next();
      assertThat(e.event()).isEqualTo("message");
      JsonNode m = FakeMcpUpstream.JSON.readTree(e.data());
      assertThat(m.at("/error/code").asInt()).isEqualTo(-32700);
    }
  }

  @Test
  void aFirstEventOtherThanEndpointFailsInitializeWithAJsonRpcError() throws Exception {
    h.upstream.legacy.firstEvent = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"x\"}\n\n";

    ContentResponse r = h.post(ALICE, rpc(1, "initialize", "{}"));

    assertThat(r.getStatus()).isEqualTo(502);
    assertThat(r.getHeaders().get("Mcp-Session-Id")).isNull();
    assertThat(McpHarness.answer(r, 1).at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
    assertThat(h.upstream.received).extracting(FakeMcpUpstream.Received::method)
        .containsExactly("GET");
  }

  @Test
  void anEndpointOnAnotherOriginIsNeverPostedTo() throws Exception {
    try (FakeMcpUpstream other = new FakeMcpUpstream()) {
      h.upstream.legacy.firstEvent = "event: endpoint\ndata: "
          + other.url().resolve("/messages?sessionId=s1") + "\n\n";

      ContentResponse r = h.post(ALICE, rpc(1, "initialize", "{}"));

      assertThat(r.getStatus()).isEqualTo(502);
      assertThat(McpHarness.answer(r, 1).at("/error/code").asInt())
          .isEqualTo(McpErrors.UPSTREAM);
      assertThat(other.received).isEmpty(); // the server credential never went there
    }
  }

  @Test
  void aLegacyCallerGoingAwayEndsItsSessionWithAStreamableServer() throws Exception {
    // a 2 s upstream timeout makes the keep-alive 1 s, so the gateway notices the close soon
    try (McpHarness modern = new McpHarness(McpTransport.STREAMABLE_HTTP,
        io.rampart.mcp.ToolPinStore.inMemory(), McpAuthorizer.fromConfig(), McpHarness.GUARD,
        p -> p, g -> g.upstreamTimeout(java.time.Duration.ofSeconds(2)))) {
      LegacySseClient alice = new LegacySseClient(modern.client, URI.create(modern.url()
          + "/sse"), ALICE);
      alice.call(rpc(1, "initialize", "{}"), 1);
      alice.close();

      // initialize, the relayed GET stream of the server (which the fake ends at once), and
      // the caller's stream, whose event is written once it ended, after the DELETE went out
      assertThat(modern.events.await("mcp.request", 3)).extracting(e -> e.attributes()
          .get("method")).containsExactlyInAnyOrder("initialize", "(GET)", "(GET)");
      assertThat(modern.upstream.received).filteredOn(r -> r.method().equals("DELETE"))
          .singleElement().satisfies(r ->
              assertThat(r.headers()).containsEntry("mcp-session-id", "sess-1"));
    }
  }

  @Test
  void aLegacyCallerGetsWhatAStreamableServerSendsOnItsOwnButNoStrayAnswers() throws Exception {
    try (McpHarness modern = new McpHarness();
        LegacySseClient alice = new LegacySseClient(modern.client, URI.create(modern.url()
            + "/sse"), ALICE)) {
      java.util.List<JsonNode> seen = new java.util.ArrayList<>();
      alice.call(rpc(1, "initialize", "{}"), 1, seen);

      // the server's GET stream (a notification, then an answer to an id never sent) ended
      assertThat(modern.events.await("mcp.request", 2)).extracting(e -> e.attributes()
          .get("method")).containsExactlyInAnyOrder("initialize", "(GET)");
      alice.call(rpc(2, "ping", ""), 2, seen); // queued after all the GET stream gave

      assertThat(modern.upstream.received).filteredOn(r -> r.method().equals("GET"))
          .singleElement().satisfies(r ->
              assertThat(r.headers()).containsEntry("mcp-session-id", "sess-1"));
      assertThat(seen).extracting(m -> m.path("method").asText())
          .contains("notifications/tools/list_changed");
      assertThat(seen.toString()).doesNotContain("stale");
    }
  }

  @Test
  void openStreamsHoldNoPlatformThread() throws Exception {
    try (McpHarness modern = new McpHarness()) {
      new LegacySseClient(modern.client, URI.create(modern.url() + "/sse"), ALICE).close();
      int before = Thread.activeCount(); // platform threads only: virtual ones are not counted
      java.util.List<LegacySseClient> open = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 64; i++) {
          open.add(new LegacySseClient(modern.client, URI.create(modern.url() + "/sse"), ALICE));
        }
        // every stream is open (its endpoint event arrived) and parked on a virtual thread
        assertThat(open).allSatisfy(c -> assertThat(c.endpoint()).isNotNull());
        assertThat(Thread.activeCount() - before).isLessThan(16);
      } finally {
        for (LegacySseClient c : open) {
          c.close();
        }
      }
    }
  }
}
