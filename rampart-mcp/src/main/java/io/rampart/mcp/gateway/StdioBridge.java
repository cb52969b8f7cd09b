package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exposes stdio MCP servers over Streamable HTTP: an {@code initialize} without a session starts
 * one child process for a new session (so sessions never share a server's state), later POSTs of
 * that session are written to its stdin and answered, as JSON, with the responses read from its
 * stdout; DELETE stops the process. The GET stream is not offered (405), as the transport
 * allows. Messages the server sends on its own are dropped. Sessions idle longer than
 * {@link StdioLimits#idleTimeout} are ended by {@link #reap} (run periodically once started);
 * a server already running {@link StdioLimits#maxSessions} sessions refuses a new one.
 */
final class StdioBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioBridge.class);

  private final JsonRpcCodec codec;
  private final RandomGenerator random;
  private final Clock clock;
  private final Map<String, StdioSession> sessions = new ConcurrentHashMap<>();
  private volatile StdioLimits limits;
  private ScheduledExecutorService reaper;

  StdioBridge(int maxBytes, RandomGenerator random, Clock clock, StdioLimits limits) {
    this.codec = JsonRpcCodec.create(new JsonRpcLimits(maxBytes, 64, 100));
    this.random = requireNonNull(random, "random");
    this.clock = requireNonNull(clock, "clock");
    this.limits = requireNonNull(limits, "limits");
  }

  /** New limits for new sessions and the next {@link #reap} (a reload). */
  void limits(StdioLimits next) {
    limits = requireNonNull(next, "limits");
  }

  /** Runs {@link #reap} periodically on a daemon thread: a quarter of the idle timeout, ≤30 s. */
  synchronized void startReaper() {
    if (reaper != null) {
      return;
    }
    long period = Math.clamp(limits.idleTimeout().toMillis() / 4, 1_000, 30_000);
    reaper = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().daemon().name("rampart-mcp-stdio-reaper").unstarted(r));
    reaper.scheduleWithFixedDelay(() -> {
      try {
        reap();
      } catch (RuntimeException e) {
        LOG.warn("stdio session reaper failed", e);
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Ends every session unused for longer than the idle timeout (a request still running keeps
   * its session) and forgets sessions whose process died; returns how many it ended.
   */
  int reap() {
    StdioLimits l = limits;
    Instant cutoff = clock.instant().minus(l.idleTimeout());
    int ended = 0;
    for (Map.Entry<String, StdioSession> e : sessions.entrySet()) {
      StdioSession s = e.getValue();
      boolean dead = !s.alive();
      if ((dead || s.idleSince(cutoff)) && sessions.remove(e.getKey(), s)) {
        s.stop(l.killGrace());
        if (!dead) {
          ended++;
          LOG.info("stdio server {}: session idle for {}; ended", s.server(), l.idleTimeout());
        }
      }
    }
    return ended;
  }

  /** The process of {@code session}, while it is open. */
  Optional<ProcessHandle> process(String session) {
    return Optional.ofNullable(sessions.get(session)).map(StdioSession::process);
  }

  McpUpstream.Answer send(McpServerConfig server, String method, HttpFields headers, byte[] body,
      Duration timeout) {
    String session = headers.get("mcp-session-id");
    return switch (method) {
      case "DELETE" -> {
        StdioSession s = session == null ? null : sessions.remove(session);
        if (s == null) {
          yield status(404);
        }
        s.stop(limits.killGrace());
        yield status(200);
      }
      case "POST" -> post(server, session, body, timeout);
      default -> status(405);
    };
  }

  private McpUpstream.Answer post(McpServerConfig server, String session, byte[] body,
      Duration timeout) {
    JsonRpcPayload payload = codec.decode(body); // the handler decoded it already: cannot fail
    List<JsonRpcMessage> messages = switch (payload) {
      case JsonRpcPayload.Single s -> List.of(s.message());
      case JsonRpcPayload.Batch b -> b.messages();
    };
    HttpFields.Mutable headers = HttpFields.build();
    StdioSession s;
    if (session == null) {
      Optional<JsonRpcMessage.Request> initialize = messages.stream()
          .filter(m -> m instanceof JsonRpcMessage.Request r && r.method().equals("initialize"))
          .map(JsonRpcMessage.Request.class::cast).findFirst();
      if (initialize.isEmpty()) {
        return status(400);
      }
      session = open(server);
      if (session == null) {
        return full(server, initialize.get().id());
      }
      s = sessions.get(session);
      headers.put("Mcp-Session-Id", session);
    } else {
      s = sessions.get(session);
      if (s == null || !s.alive()) {
        sessions.remove(session);
        return status(404);
      }
    }
    s.begin(clock.instant());
    try {
      return exchange(s, payload, messages, headers, timeout);
    } finally {
      s.end(clock.instant());
    }
  }

  // the cap is per server, counted and taken under one lock so that racing initializes cannot
  // both pass it; null when the server is at its cap
  private synchronized String open(McpServerConfig server) {
    long running = sessions.values().stream()
        .filter(x -> x.server().equals(server.name()) && x.alive()).count();
    if (running >= limits.maxSessions()) {
      return null;
    }
    byte[] id = new byte[16];
    random.nextBytes(id);
    String session = HexFormat.of().formatHex(id);
    sessions.put(session, StdioSession.start(server, codec, clock.instant()));
    return session;
  }

  private McpUpstream.Answer full(McpServerConfig server, JsonNode id) {
    int max = limits.maxSessions();
    LOG.warn("stdio server {}: {} sessions running; a new one was refused", server.name(), max);
    JsonRpcMessage.ErrorResponse e = McpErrors.refuse(id == null ? NullNode.getInstance() : id,
        "mcp.stdio.sessions", "stdio server " + server.name() + ": " + max
            + " sessions running (expected: at most " + max + " at once; end one with DELETE,"
            + " or retry after idle ones close)");
    HttpFields.Mutable h = HttpFields.build();
    h.put("Content-Type", "application/json");
    return new McpUpstream.Answer(503, h, new ByteArrayInputStream(codec.encode(e)));
  }

  private McpUpstream.Answer exchange(StdioSession s, JsonRpcPayload payload,
      List<JsonRpcMessage> messages, HttpFields.Mutable headers, Duration timeout) {
    List<JsonRpcMessage> answers = new ArrayList<>();
    for (JsonRpcMessage m : messages) {
      s.send(m);
    }
    for (JsonRpcMessage m : messages) {
      if (m instanceof JsonRpcMessage.Request r) {
        answers.add(s.await(r.id(), timeout));
      }
    }
    if (answers.isEmpty()) {
      return new McpUpstream.Answer(202, headers, new ByteArrayInputStream(new byte[0]));
    }
    byte[] out = payload instanceof JsonRpcPayload.Single ? codec.encode(answers.getFirst())
        : codec.encodeBatch(answers);
    headers.put("Content-Type", "application/json");
    return new McpUpstream.Answer(200, headers, new ByteArrayInputStream(out));
  }

  private static McpUpstream.Answer status(int status) {
    return new McpUpstream.Answer(status, HttpFields.EMPTY, new ByteArrayInputStream(new byte[0]));
  }

  @Override
  public void close() {
    synchronized (this) {
      if (reaper != null) {
        reaper.shutdownNow();
      }
    }
    Duration grace = limits.killGrace();
    sessions.values().forEach(s -> s.stop(grace));
    sessions.clear();
  }
}
