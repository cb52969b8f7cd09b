package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** Sessions of {@link SessionBridge}: bounded, with dead and idle channels reaped first. */
class SessionBridgeTest {
  static final McpServerConfig SERVER = McpServerConfig.builder("legacy",
      java.net.URI.create("http://127.0.0.1:1/sse")).transport(McpTransport.SSE).build();
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final byte[] INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"
      .getBytes(StandardCharsets.UTF_8);

  /** A clock moved by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A channel answering every request with an empty result. */
  static final class Echo implements McpChannel {
    boolean alive = true;
    boolean closed;
    JsonRpcMessage last;

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

  final Hand clock = new Hand();
  final List<Echo> opened = new ArrayList<>();
  final SessionBridge bridge = new SessionBridge(
      JsonRpcCodec.create(new JsonRpcLimits(4096, 64, 100)), new Random(7), (s, t) -> {
        Echo e = new Echo();
        opened.add(e);
        return e;
      }, clock, 2);

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
    clock.now = clock.now.plusSeconds(20);
    String second = initialize();
    clock.now = clock.now.plusSeconds(20); // first idle for 40 s, second for 20 s

    assertThat(ping(second).status()).isEqualTo(200);
    String third = initialize();

    assertThat(bridge.size()).isEqualTo(2);
    assertThat(opened.get(0).closed).isTrue();
    assertThat(opened.get(1).closed).isFalse();
    assertThat(ping(first).status()).isEqualTo(404);
    assertThat(ping(third).status()).isEqualTo(200);
    // both in use within the timeout: a further session is refused, not an eviction
    assertThatThrownBy(this::initialize).isInstanceOf(McpGatewayException.class)
        .hasMessageContaining("2 sessions running");
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
        .isEqualTo(405);
  }
}
