package io.rampart.mcp.gateway;

import io.rampart.core.storage.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import io.rampart.mcp.JsonRpcMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/**
 * Sessions of {@link SessionBridge}: bounded per server, dead and idle channels reaped (by {@link
 * SessionBridge#reap}, and before a new session is refused), a running request keeping its
 * session, limits changed on reload.
 */
class SessionBridgeTest {
  static final McpServerConfig SERVER = McpServerConfig.builder("legacy",
      java.net.URI.create("http://127.0.0.1:1/sse")).transport(McpTransport.SSE).build();
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final byte[] INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"
      .getBytes(StandardCharsets.UTF_8);

  /** A channel answering every request with an empty result. */
  static class Echo implements McpChannel {
    boolean alive = true;
    boolean closed;
    volatile JsonRpcMessage last;

    @Override
    public void send(JsonRpcMessage m) {
      last = m;
    }

    @Override
    public JsonRpcMessage await(JsonNode id, Duration timeout) {
      return new JsonRpcMessage.Response(id, JsonNodeFactory.instance.objectNode());
    }

    @Override
    public boolean alive() {
      return alive;
    }

    @Override
    public void close() {
      closed = true;
      alive = false;
    }
  }

  final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
  final List<Echo> opened = new ArrayList<>();
  final SessionBridge bridge = new SessionBridge(
      JsonRpcCodec.create(new JsonRpcLimits(4096, 64, 100)), new Random(7), (s, t) -> {
        Echo e = new Echo();
        opened.add(e);
        return e;
      }, clock, new StdioLimits(Duration.ofSeconds(30), 2, Duration.ZERO));

  String initialize() {
    McpUpstream.Answer a = bridge.send(SERVER, "POST", HttpFields.EMPTY, INIT, TIMEOUT);
    assertThat(a.status()).isEqualTo(200);
    return a.headers().get("Mcp-Session-Id");
  }

  McpUpstream.Answer ping(String session) {
    return bridge.send(SERVER, "POST", HttpFields.build().put("Mcp-Session-Id", session),
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8),
        TIMEOUT);
  }

  @Test
  void pastTheBoundOnlyChannelsIdleLongerThanTheTimeoutAreClosed() {
    String first = initialize();
    clock.advance(Duration.ofSeconds(20));
    String second = initialize();
    clock.advance(Duration.ofSeconds(20)); // first idle for 40 s, second for 20 s

    assertThat(ping(second).status()).isEqualTo(200);
    String third = initialize();

    assertThat(bridge.size()).isEqualTo(2);
    assertThat(opened.get(0).closed).isTrue();
    assertThat(opened.get(1).closed).isFalse();
    assertThat(ping(first).status()).isEqualTo(404);
    assertThat(ping(third).status()).isEqualTo(200);
    // both in use within the timeout: a further session is refused, not an eviction
    McpUpstream.Answer refused = bridge.send(SERVER, "POST", HttpFields.EMPTY, INIT, TIMEOUT);
    assertThat(refused.status()).isEqualTo(503);
    JsonNode reply = answer(refused);
    assertThat(reply.path("id").asInt()).isEqualTo(1);
    JsonNode error = reply.path("error");
    assertThat(error.path("code").asInt()).isEqualTo(McpErrors.POLICY);
    assertThat(error.at("/data/rule").asText()).isEqualTo("mcp.sse.sessions");
    assertThat(error.path("message").asText()).isEqualTo("sse server legacy: 2 sessions running"
        + " (expected: at most 2 at once; end one with DELETE, or retry after idle ones close)");
    assertThat(opened).hasSize(3); // nothing was opened for the refused one
  }

  @Test
  void theCapCountsEachServerOnItsOwn() {
    initialize();
    initialize();
    McpServerConfig other = McpServerConfig.builder("other",
        java.net.URI.create("http://127.0.0.1:1/sse")).transport(McpTransport.SSE).build();

    assertThat(bridge.send(other, "POST", HttpFields.EMPTY, INIT, TIMEOUT).status())
        .isEqualTo(200);
    assertThat(bridge.send(SERVER, "POST", HttpFields.EMPTY, INIT, TIMEOUT).status())
        .isEqualTo(503);
  }

  @Test
  void theReaperEndsSessionsIdleLongerThanTheTimeoutAndNewLimitsApplyToTheNextReap() {
    String first = initialize();
    clock.advance(Duration.ofSeconds(20));
    String second = initialize();
    clock.advance(Duration.ofSeconds(15)); // first idle for 35 s, second for 15 s

    assertThat(bridge.reap()).isEqualTo(1);
    assertThat(opened.get(0).closed).isTrue();
    assertThat(ping(first).status()).isEqualTo(404);
    assertThat(bridge.reap()).isZero();

    bridge.limits(new StdioLimits(Duration.ofSeconds(10), 2, Duration.ZERO)); // a reload
    assertThat(bridge.reap()).isEqualTo(1);
    assertThat(opened.get(1).closed).isTrue();
    assertThat(ping(second).status()).isEqualTo(404);
  }

  @Test
  void aRunningRequestKeepsItsSessionPastTheIdleTimeout() throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    SessionBridge slow = new SessionBridge(JsonRpcCodec.create(new JsonRpcLimits(4096, 64, 100)),
        new Random(7), (s, t) -> new Echo() {
          @Override
          public JsonRpcMessage await(JsonNode id, Duration timeout) {
            if (last instanceof JsonRpcMessage.Request r && r.method().equals("ping")) {
              sent.countDown();
              try {
                answer.await(); // the upstream takes its time
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return super.await(id, timeout);
          }
        }, clock, new StdioLimits(Duration.ofSeconds(30), 2, Duration.ZERO));
    String session = slow.send(SERVER, "POST", HttpFields.EMPTY, INIT, TIMEOUT).headers()
        .get("Mcp-Session-Id");
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> slow.send(SERVER,
        "POST", HttpFields.build().put("Mcp-Session-Id", session),
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8),
        TIMEOUT).status());
    assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();

    clock.advance(Duration.ofSeconds(60));
    assertThat(slow.reap()).isZero(); // its request is still running
    answer.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(slow.reap()).isZero(); // the answer counts as use
    clock.advance(Duration.ofSeconds(31));
    assertThat(slow.reap()).isEqualTo(1);
  }

  static JsonNode answer(McpUpstream.Answer a) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aDeadChannelIsReapedAndItsSessionIs404() {
    String first = initialize();
    initialize();
    opened.get(0).alive = false;

    assertThat(initialize()).isNotNull();
    assertThat(opened.get(0).closed).isTrue();
    assertThat(ping(first).status()).isEqualTo(404);
  }

  @Test
  void deleteClosesTheChannelAndWithoutInitializeThereIsNoSession() {
    String s = initialize();

    assertThat(bridge.send(SERVER, "DELETE", HttpFields.build().put("Mcp-Session-Id", s),
        new byte[0], TIMEOUT).status()).isEqualTo(200);
    assertThat(opened.getFirst().closed).isTrue();
    assertThat(bridge.send(SERVER, "POST", HttpFields.EMPTY,
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8),
        TIMEOUT).status()).isEqualTo(400);
    assertThat(bridge.send(SERVER, "GET", HttpFields.EMPTY, new byte[0], TIMEOUT).status())
        .isEqualTo(406); // a GET stream is offered only to callers accepting text/event-stream
    assertThat(bridge.send(SERVER, "PUT", HttpFields.EMPTY, new byte[0], TIMEOUT).status())
        .isEqualTo(405);
  }
}
