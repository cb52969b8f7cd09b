package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcException;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import io.rampart.mcp.McpException;
import io.rampart.mcp.SseEvent;
import io.rampart.mcp.SseParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callers of the older HTTP+SSE transport (MCP 2024-11-05): {@code GET <endpoint>/sse} opens a
 * session whose stream first names {@code <endpoint>/messages?sessionId=<id>}; each message
 * POSTed there is handled exactly as a Streamable HTTP POST (by {@link McpHandler}), and the
 * {@link Reply} it yields is put on the session's stream as {@code message} events. A session
 * belongs to the principal that opened it; ids are random (a SecureRandom in production).
 */
final class SseClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SseClients.class);
  /** Messages waiting for a caller that does not read its stream; past it the stream ends. */
  static final int MAX_QUEUED = 1024;
  static final int MAX_SESSIONS = 10_000;

  private final JsonRpcCodec codec;
  private final RandomGenerator random;
  private final int maxBytes;
  private final Duration keepAlive;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** One caller's stream. */
  static final class Session {
    final String id;
    final String principal;
    final String server;
    /** The {@code Mcp-Session-Id} the server issued on initialize, once it did. */
    volatile String upstream;
    /** Whether the server's own GET stream is being relayed to this caller. */
    final java.util.concurrent.atomic.AtomicBoolean listening =
        new java.util.concurrent.atomic.AtomicBoolean();
    /** That stream's body, closed when the caller goes away. */
    volatile java.io.Closeable listener;
    final BlockingQueue<byte[]> outbound = new LinkedBlockingQueue<>(MAX_QUEUED);
    volatile boolean closed;

    private Session(String id, String principal, String server) {
      this.id = id;
      this.principal = principal;
      this.server = server;
    }
  }

  /**
   * {@code keepAlive}: silence after which a comment is written, so a caller that went away is
   * noticed (and its session with the server ended) and proxies keep the stream open.
   */
  SseClients(JsonRpcCodec codec, RandomGenerator random, int maxBytes, Duration keepAlive) {
    this.codec = requireNonNull(codec, "codec");
    this.random = requireNonNull(random, "random");
    this.maxBytes = maxBytes;
    this.keepAlive = requireNonNull(keepAlive, "keepAlive");
  }

  /** A new session of {@code principal} on {@code server}; empty when too many are open. */
  Optional<Session> open(String principal, String server) {
    if (sessions.size() >= MAX_SESSIONS) {
      return Optional.empty();
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    Session s = new Session(HexFormat.of().formatHex(bytes), principal, server);
    sessions.put(s.id, s);
    return Optional.of(s);
  }

  /** The session {@code id} if {@code principal} opened it on {@code server}. */
  Optional<Session> find(String id, String principal, String server) {
    Session s = sessions.get(id);
    return s != null && !s.closed && s.principal.equals(principal) && s.server.equals(server)
        ? Optional.of(s) : Optional.empty();
  }

  /**
   * The session's stream: the {@code endpoint} event, then its messages as they are delivered,
   * until the caller goes away or the session is closed; {@code onEnd} runs then.
   */
  Reply.Streamed stream(Session s, String messages, Runnable onEnd) {
    return new Reply.Streamed(200, Map.of(), out -> {
      try {
        out.write(("event: endpoint\ndata: " + messages + "?sessionId=" + s.id + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        long tick = Math.min(1000, keepAlive.toMillis()); // how soon a close is noticed
        long idle = 0;
        while (!s.closed) {
          byte[] m = s.outbound.poll(tick, TimeUnit.MILLISECONDS);
          if (m != null) {
            idle = 0;
            out.write("event: message\ndata: ".getBytes(StandardCharsets.UTF_8));
            out.write(m);
            out.write("\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
          } else if ((idle += tick) >= keepAlive.toMillis()) {
            idle = 0;
            out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        s.closed = true;
        sessions.remove(s.id);
        onEnd.run();
      }
    });
  }

  /**
   * Puts what the gateway answered to one POST on the session's stream: the messages of a JSON
   * body or of an event stream (already through {@link Relay}), or, for an answer that holds no
   * JSON-RPC (such as the server's 404 for an expired session), an error for each request.
   */
  void deliver(Session s, Reply reply, List<Call> calls) {
    String issued = reply.headers().get("Mcp-Session-Id");
    if (issued != null) {
      s.upstream = issued; // before the initialize answer is queued, so the caller's next POST has it
    }
    switch (reply) {
      case Reply.Streamed st -> {
        try {
          st.body().writeTo(new Events(s));
        } catch (IOException e) {
          LOG.debug("stream of sse session {} ended", s.id);
        }
      }
      case Reply.Full f -> {
        boolean json = f.contentType().toLowerCase(Locale.ROOT).startsWith("application/json");
        if (json && f.body().length > 0 && messages(s, f.body())) {
          return;
        }
        if (f.status() >= 300) {
          for (Call c : calls) {
            if (!c.method.startsWith("(") && !c.id.isNull()) {
              c.decision = "error";
              c.errorCode = "upstream_status_" + f.status();
              enqueue(s, codec.encode(McpErrors.of(c.id, McpErrors.UPSTREAM,
                  "the MCP server answered HTTP " + f.status())));
            }
          }
        }
      }
    }
  }

  /** Queues the messages of a JSON body; false when it holds none. */
  private boolean messages(Session s, byte[] body) {
    List<JsonRpcMessage> ms;
    try {
      ms = switch (codec.decode(body)) {
        case JsonRpcPayload.Single one -> List.of(one.message());
        case JsonRpcPayload.Batch b -> b.messages();
      };
    } catch (JsonRpcException e) {
      return false;
    }
    ms.forEach(m -> enqueue(s, codec.encode(m)));
    return true;
  }

  private void enqueue(Session s, byte[] message) {
    if (!s.outbound.offer(message)) {
      LOG.warn("sse session {}: caller reads too slowly; ending its stream", s.id);
      s.closed = true;
    }
  }

  /** An event stream written by {@link Relay}, parsed back into messages for the session. */
  private final class Events extends OutputStream {
    private final Session s;
    private final SseParser parser = SseParser.create(maxBytes);

    Events(Session s) {
      this.s = s;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (s.closed) {
        throw new IOException("sse session closed"); // stops relaying from the server
      }
      List<SseEvent> events;
      try {
        events = parser.feed(b, off, len);
      } catch (McpException e) {
        throw new IOException(e);
      }
      for (SseEvent e : events) {
        if (e.event().equals("message")) {
          enqueue(s, e.data().replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Override
  public void close() {
    sessions.values().forEach(s -> s.closed = true);
  }
}
