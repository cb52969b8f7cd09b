package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.IntNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import io.rampart.mcp.JsonRpcMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes how a stream of the older HTTP+SSE transport is read (the repository's {@code
 * SseParser}, then the endpoint and message handling of {@link SseUpstreamChannel}): whatever a
 * server sends, in whatever chunks, reading ends cleanly, an accepted endpoint is on the
 * server's origin, and every waiting request is either answered or failed, never left hanging.
 */
class SseUpstreamFuzzTest {
  static final McpServerConfig SERVER = McpServerConfig.builder("legacy",
      URI.create("http://127.0.0.1:3001/sse")).transport(McpTransport.SSE).build();
  static final JsonRpcCodec CODEC = JsonRpcCodec.create(new JsonRpcLimits(4096, 64, 100));

  /** Hands out {@code bytes} in the given chunk sizes, as a network would. */
  static InputStream chunked(byte[] bytes, List<Integer> cuts) {
    return new InputStream() {
      int at;
      int cut;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= bytes.length) {
          return -1;
        }
        int n = cuts.isEmpty() ? len : 1 + Math.floorMod(cuts.get(cut++ % cuts.size()), 64);
        n = Math.min(Math.min(n, len), bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  static JsonRpcMessage request(int id) {
    return new JsonRpcMessage.Request(IntNode.valueOf(id), "ping", Optional.empty());
  }

  @Property(tries = 300)
  void anyBytesEndReadingCleanlyAndNoRequestHangs(@ForAll @Size(max = 3000) byte[] garbage,
      @ForAll @Size(max = 8) List<Integer> cuts) {
    String prefix = "event: endpoint\ndata: /messages?sessionId=1\n\n";
    byte[] bytes = garbage.length % 2 == 0 ? garbage
        : (prefix + new String(garbage, StandardCharsets.ISO_8859_1))
            .getBytes(StandardCharsets.ISO_8859_1);

    SseUpstreamChannel c = SseUpstreamChannel.readAll(SERVER, CODEC, chunked(bytes, cuts),
        List.of(request(1)));

    assertThat(c.alive()).isFalse();
    c.endpoint().ifPresent(e -> assertThat(e.getAuthority()).isEqualTo("127.0.0.1:3001"));
    Throwable t = catchThrowable(() -> c.await(IntNode.valueOf(1), Duration.ofSeconds(1)));
    if (t != null) {
      assertThat(t).isInstanceOf(McpGatewayException.class);
    }
  }

  @Property(tries = 300)
  void wellFormedStreamsAnswerEveryRequestWhateverTheChunking(
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 10_000) Integer> ids,
      @ForAll("eol") String eol, @ForAll @Size(max = 8) List<Integer> cuts) {
    List<Integer> unique = ids.stream().distinct().toList();
    StringBuilder sb = new StringBuilder("\uFEFF: hello" + eol + "event: endpoint" + eol
        + "data: /messages?sessionId=abc" + eol + eol);
    List<JsonRpcMessage> expected = new ArrayList<>();
    for (int id : unique) {
      expected.add(request(id));
      sb.append(": keep-alive").append(eol).append(eol)
          .append("event: message").append(eol)
          .append("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}")
          .append(eol).append(eol)
          .append("id: ").append(id).append(eol)
          .append("data: {\"jsonrpc\":\"2.0\",").append(eol) // data split over two lines
          .append("data: \"id\":").append(id).append(",\"result\":{}}").append(eol).append(eol);
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);

    SseUpstreamChannel c = SseUpstreamChannel.readAll(SERVER, CODEC, chunked(bytes, cuts),
        expected);

    assertThat(c.endpoint()).contains(URI.create("http://127.0.0.1:3001/messages?sessionId=abc"));
    for (int id : unique) {
      JsonRpcMessage m = c.await(IntNode.valueOf(id), Duration.ofSeconds(1));
      assertThat(m).isInstanceOfSatisfying(JsonRpcMessage.Response.class,
          r -> assertThat(r.id().asInt()).isEqualTo(id));
    }
  }

  @Property(tries = 500)
  void anEndpointIsOnTheStreamsOriginOrRefused(@ForAll("endpoints") String data) {
    try {
      URI u = SseUpstreamChannel.endpoint(SERVER.url(), data);
      assertThat(u.getScheme()).isEqualTo("http");
      assertThat(u.getAuthority()).isEqualTo("127.0.0.1:3001");
    } catch (McpGatewayException e) {
      assertThat(e.getMessage()).startsWith("endpoint: ").contains("(expected: ");
    }
  }

  @Provide
  Arbitrary<String> eol() {
    return Arbitraries.of("\n", "\r", "\r\n");
  }

  @Provide
  Arbitrary<String> endpoints() {
    Arbitrary<String> part = Arbitraries.oneOf(
        Arbitraries.of("http:", "https:", "//", "/", "127.0.0.1", ":3001", ":80", "@", "?", "#",
            "%", "%2F", "..", "messages", "evil.example", "\\", " ", "\t", "[::1]", "\u0000",
            "\u00e9", "sessionId=", "file:", "javascript:"),
        Arbitraries.strings().ofMaxLength(6));
    return part.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
