package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rampart.core.storage.TestClock;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import io.rampart.mcp.JsonRpcMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionBridge}'s GET stream with a fake channel: the server's own messages queue for
 * the caller, answers go back only to requests the server sent, a request that finds no room
 * is refused to the server, and the reaper runs on its cadence (an injected scheduler).
 */
class SessionBridgeStreamTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A channel that records what it is sent and lets the test speak as the server. */
  static final class Speaking extends SessionBridgeTest.Echo {
    final List<JsonRpcMessage> sent = new CopyOnWriteArrayList<>();
    volatile Consumer<JsonRpcMessage> sink;

    @Override
    public void send(JsonRpcMessage m) {
      super.send(m);
      sent.add(m);
    }

    @Override
    public void listen(Consumer<JsonRpcMessage> s) {
      sink = s;
    }
  }

  final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
  final List<Speaking> opened = new CopyOnWriteArrayList<>();
  final SessionBridge bridge = new SessionBridge(
      JsonRpcCodec.create(new JsonRpcLimits(4096, 64, 100)), new Random(7), (s, t) -> {
        Speaking e = new Speaking();
        opened.add(e);
        return e;
      }, clock, new StdioLimits(Duration.ofSeconds(30), 2, Duration.ZERO));

  String initialize() {
    return bridge.send(SessionBridgeTest.SERVER, "POST", HttpFields.EMPTY,
        SessionBridgeTest.INIT, TIMEOUT).headers().get("Mcp-Session-Id");
  }

  McpUpstream.Answer post(String session, String json) {
    return bridge.send(SessionBridgeTest.SERVER, "POST",
        HttpFields.build().put("Mcp-Session-Id", session),
        json.getBytes(StandardCharsets.UTF_8), TIMEOUT);
  }

  McpUpstream.Answer get(String session) {
    return bridge.send(SessionBridgeTest.SERVER, "GET", HttpFields.build()
        .put("Mcp-Session-Id", session).put("Accept", "text/event-stream"), new byte[0], TIMEOUT);
  }

  static JsonRpcMessage.Request request(String id, String method) {
    return new JsonRpcMessage.Request(TextNode.valueOf(id), method, Optional.empty());
  }

  @Test
  void answersReachTheServerOnlyForRequestsItSentEachOnce() throws Exception {
    String session = initialize();
    Speaking server = opened.getFirst();
    server.sink.accept(request("s1", "roots/list"));
    McpUpstream.Answer stream = get(session);
    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.headers().get("Content-Type")).isEqualTo("text/event-stream");
    try (InputStream in = stream.body()) {
      assertThat(ServerStreamTest.event(in)).contains("\"method\":\"roots/list\"");
    }

    String answer = "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{\"roots\":[]}}";
    assertThat(post(session, answer).status()).isEqualTo(202);
    assertThat(post(session, answer).status()).isEqualTo(202); // a replay
    assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"s9\",\"result\":{}}").status())
        .isEqualTo(202);

    List<JsonRpcMessage> answers = server.sent.stream()
        .filter(m -> m instanceof JsonRpcMessage.Response).toList();
    assertThat(answers).hasSize(1);
    assertThat(((JsonRpcMessage.Response) answers.getFirst()).id().asText()).isEqualTo("s1");
  }

  @Test
  void aServerRequestFindingNoRoomIsRefusedToTheServerWithoutBlockingIt() throws Exception {
    initialize();
    Speaking server = opened.getFirst();
    for (int i = 0; i < BridgedSession.MAX_ASKED + 1; i++) {
      server.sink.accept(request("s" + i, "ping")); // returns at once: nobody reads
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.sent.stream().noneMatch(m -> m instanceof JsonRpcMessage.ErrorResponse)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // the refusal is sent on a virtual thread
    }
    JsonRpcMessage.ErrorResponse refused = server.sent.stream()
        .filter(m -> m instanceof JsonRpcMessage.ErrorResponse)
        .map(JsonRpcMessage.ErrorResponse.class::cast).findFirst().orElseThrow();
    assertThat(refused.id().asText()).isEqualTo("s" + BridgedSession.MAX_ASKED);
  }

  @Test
  void getWithoutASessionIs400AndAnUnknownOneIs404() {
    assertThat(bridge.send(SessionBridgeTest.SERVER, "GET", HttpFields.build()
        .put("Accept", "text/event-stream"), new byte[0], TIMEOUT).status()).isEqualTo(400);
    assertThat(get("nope").status()).isEqualTo(404);
  }

  @Test
  void aListeningCallerKeepsItsSessionFromTheReaper() throws Exception {
    String session = initialize();
    InputStream stream = get(session).body();
    clock.advance(Duration.ofMinutes(5));
    assertThat(bridge.reap()).isZero();
    stream.close();
    assertThat(bridge.reap()).isEqualTo(1);
  }

  @Test
  void theReaperRunsOnItsScheduledCadenceAndStopsWithTheBridge() {
    Duration[] period = new Duration[1];
    Runnable[] task = new Runnable[1];
    boolean[] stopped = new boolean[1];
    bridge.startReaper("test", (p, t) -> {
      period[0] = p;
      task[0] = t;
      return () -> stopped[0] = true;
    });
    bridge.startReaper("test", (p, t) -> {
      throw new AssertionError("started twice");
    });
    assertThat(period[0]).isEqualTo(Duration.ofMillis(7_500)); // a quarter of 30 s

    String session = initialize();
    clock.advance(period[0]);
    task[0].run(); // one tick: not idle long enough
    assertThat(bridge.size()).isEqualTo(1);
    for (int i = 0; i < 4; i++) {
      clock.advance(period[0]);
      task[0].run();
    }
    assertThat(bridge.size()).isZero(); // idle 37.5 s > 30 s: ended by a scheduled tick
    assertThat(opened.getFirst().closed).isTrue();
    assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").status())
        .isEqualTo(404);

    bridge.close();
    assertThat(stopped[0]).isTrue();
  }

  @Test
  void theReapPeriodIsAQuarterOfTheIdleTimeoutWithinOneAndThirtySeconds() {
    assertThat(SessionBridge.reapPeriod(new StdioLimits(Duration.ofSeconds(2), 1, Duration.ZERO)))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(SessionBridge.reapPeriod(new StdioLimits(Duration.ofHours(1), 1, Duration.ZERO)))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aFailingReapIsLoggedAndTheScheduleGoesOn() {
    Runnable[] task = new Runnable[1];
    SessionBridge failing = new SessionBridge(
        JsonRpcCodec.create(new JsonRpcLimits(4096, 64, 100)), new Random(7), (s, t) -> {
          throw new IllegalStateException("never opened");
        }, new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            throw new IllegalStateException("clock broke");
          }
        }, StdioLimits.DEFAULT);
    failing.startReaper("failing", (p, t) -> {
      task[0] = t;
      return () -> { };
    });
    task[0].run(); // must not throw: an escaped exception would cancel the schedule
    failing.close();
  }
}
