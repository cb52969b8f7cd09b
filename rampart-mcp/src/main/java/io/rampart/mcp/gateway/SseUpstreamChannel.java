package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcException;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import io.rampart.mcp.McpException;
import io.rampart.mcp.SseEvent;
import io.rampart.mcp.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session with a server of the older HTTP+SSE transport (MCP 2024-11-05): a {@code GET} of
 * the server's URL opens an event stream whose first event, {@code endpoint}, names where to
 * POST messages; every answer arrives as a {@code message} event on that stream and is matched
 * to its request by id. The stream is read on a virtual thread with the shared {@link
 * SseParser}; when it ends, every waiting request fails at once.
 */
final class SseUpstreamChannel implements McpChannel {
  private static final Logger LOG = LoggerFactory.getLogger(SseUpstreamChannel.class);

  private final McpServerConfig server;
  private final McpUpstream upstream;
  private final JsonRpcCodec codec;
  private final Duration timeout;
  private final InputStream stream;
  private final AnswerWaiters waiting;
  private final CompletableFuture<URI> endpoint = new CompletableFuture<>();
  private volatile boolean ended;
  private volatile java.util.function.Consumer<JsonRpcMessage> unsolicited = m -> { };

  private SseUpstreamChannel(McpServerConfig server, McpUpstream upstream, JsonRpcCodec codec,
      Duration timeout, InputStream stream) {
    this.server = server;
    this.upstream = upstream;
    this.codec = codec;
    this.timeout = timeout;
    this.stream = stream;
    this.waiting = new AnswerWaiters("sse server " + server.name());
  }

  /** An opener of HTTP+SSE sessions for {@link SessionBridge}. */
  static McpChannel.Opener opener(McpUpstream upstream, JsonRpcCodec codec) {
    requireNonNull(upstream, "upstream");
    requireNonNull(codec, "codec");
    return (server, timeout) -> open(server, upstream, codec, timeout);
  }

  static SseUpstreamChannel open(McpServerConfig server, McpUpstream upstream,
      JsonRpcCodec codec, Duration timeout) {
    HttpFields.Mutable h = HttpFields.build().put("Accept", "text/event-stream");
    McpUpstream.Answer a = upstream.send(server, "GET", h, new byte[0], timeout);
    String type = a.headers().get("content-type");
    if (a.status() != 200 || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
      quietly(a.body());
      throw new McpGatewayException("sse server " + server.name() + ": GET answered "
          + a.status() + " " + type + " (expected: 200 text/event-stream)");
    }
    SseUpstreamChannel c = new SseUpstreamChannel(server, upstream, codec, timeout, a.body());
    Thread.ofVirtual().name("rampart-mcp-sse-" + server.name()).start(c::read);
    try {
      c.endpoint.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return c;
    } catch (TimeoutException e) {
      c.close();
      throw new McpGatewayException("sse server " + server.name() + ": no endpoint event within "
          + timeout + " (expected: endpoint first)", e);
    } catch (ExecutionException e) {
      c.close();
      throw e.getCause() instanceof McpGatewayException g ? g : new McpGatewayException(
          "sse server " + server.name() + ": stream ended before its endpoint event "
          + "(expected: endpoint first)", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new McpGatewayException("sse server " + server.name() + ": interrupted "
          + "(expected: to finish)", e);
    }
  }

  /**
   * Where the {@code endpoint} event's data says to POST, resolved against the stream's URL.
   * Only the stream's own origin is accepted: a server must not steer the gateway, and the
   * server credential it sends, to another host.
   *
   * @throws McpGatewayException when the data is not a URI reference of that origin
   */
  static URI endpoint(URI stream, String data) {
    String d = data.strip();
    if (d.isEmpty() || d.length() > 2048 || d.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw malformed(d);
    }
    URI resolved;
    try {
      resolved = stream.resolve(new URI(d)).normalize();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw malformed(d);
    }
    boolean sameOrigin = stream.getScheme().equalsIgnoreCase(String.valueOf(resolved.getScheme()))
        && stream.getHost().equalsIgnoreCase(String.valueOf(resolved.getHost()))
        && port(stream) == port(resolved) && resolved.getRawUserInfo() == null;
    if (!sameOrigin) {
      throw new McpGatewayException("endpoint: another origin (expected: the origin of "
          + stream.getScheme() + "://" + stream.getAuthority() + ")");
    }
    return resolved;
  }

  private static McpGatewayException malformed(String d) {
    String shown = d.length() > 80 ? d.substring(0, 80) + "..." : d;
    return new McpGatewayException("endpoint: " + shown.replaceAll("\\p{Cntrl}", "?")
        + " (expected: a URI reference such as /messages?sessionId=...)");
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  @Override
  public void send(JsonRpcMessage m) {
    URI to = endpoint.getNow(null); // open() returned, so it is set
    waiting.expect(m);
    HttpFields.Mutable h = HttpFields.build().put("Content-Type", "application/json")
        .put("Accept", "application/json, text/event-stream");
    McpUpstream.Answer a;
    try {
      a = upstream.send(server, to, "POST", h, codec.encode(m), timeout);
    } catch (McpGatewayException e) {
      waiting.forget(m); // nothing will answer it now
      throw e;
    }
    quietly(a.body());
    if (a.status() < 200 || a.status() > 299) {
      waiting.forget(m);
      throw new McpGatewayException("sse server " + server.name() + ": POST answered "
          + a.status() + " (expected: 202 Accepted)");
    }
  }

  /** A channel reading {@code in} on the calling thread until it ends: for the fuzz tests. */
  static SseUpstreamChannel readAll(McpServerConfig server, JsonRpcCodec codec, InputStream in,
      List<JsonRpcMessage> expected) {
    SseUpstreamChannel c = new SseUpstreamChannel(server, null, codec, Duration.ofSeconds(1), in);
    expected.forEach(c.waiting::expect);
    c.read();
    return c;
  }

  /** The endpoint, once the stream named a valid one. */
  java.util.Optional<URI> endpoint() {
    return endpoint.isDone() && !endpoint.isCompletedExceptionally()
        ? java.util.Optional.of(endpoint.join()) : java.util.Optional.empty();
  }

  @Override
  public JsonRpcMessage await(JsonNode id, Duration timeout) {
    return waiting.await(id, timeout);
  }

  @Override
  public void listen(java.util.function.Consumer<JsonRpcMessage> sink) {
    unsolicited = requireNonNull(sink, "sink");
  }

  @Override
  public boolean alive() {
    return !ended;
  }

  private void read() {
    SseParser parser = SseParser.create(codec.limits().maxBytes());
    byte[] buf = new byte[16 * 1024];
    Throwable why = new IOException("stream ended");
    try (InputStream in = stream) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        for (SseEvent e : parser.feed(buf, 0, n)) {
          on(e);
        }
      }
    } catch (IOException | McpException e) {
      why = e instanceof McpGatewayException ? e : new IOException("stream broke", e);
      LOG.debug("stream of sse server {} ended: {}", server.name(), e.toString());
    }
    ended = true;
    endpoint.completeExceptionally(why);
    waiting.end(why);
  }

  private void on(SseEvent e) {
    if (!endpoint.isDone()) {
      if (!e.event().equals("endpoint")) {
        throw new McpGatewayException("sse server " + server.name() + ": first event "
            + e.event().replaceAll("\\p{Cntrl}", "?") + " (expected: endpoint)");
      }
      endpoint.complete(endpoint(server.url(), e.data()));
      return;
    }
    if (!e.event().equals("message")) {
      return; // a second endpoint or an unknown event type: not part of the exchange
    }
    List<JsonRpcMessage> messages;
    try {
      messages = switch (codec.decode(e.data())) {
        case JsonRpcPayload.Single s -> List.of(s.message());
        case JsonRpcPayload.Batch b -> b.messages();
      };
    } catch (JsonRpcException ex) {
      LOG.warn("dropping a malformed message from sse server {}", server.name());
      return;
    }
    for (JsonRpcMessage m : messages) {
      if (!waiting.complete(m) && (m instanceof JsonRpcMessage.Request
          || m instanceof JsonRpcMessage.Notification)) {
        unsolicited.accept(m); // the server's own messages: to the caller's GET stream
      }
    }
  }

  private static void quietly(InputStream in) {
    try (in) {
      in.readNBytes(64 * 1024); // an acknowledgement; closing aborts anything longer
    } catch (IOException e) {
      // the answer's body does not matter
    }
  }

  @Override
  public void close() {
    ended = true;
    try {
      stream.close(); // aborts the GET; the reader then ends
    } catch (IOException e) {
      // already gone
    }
  }
}
