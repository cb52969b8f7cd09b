package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exposes servers of another transport over Streamable HTTP (stdio child processes, servers of
 * the older HTTP+SSE transport): an {@code initialize} without a session opens one {@link
 * McpChannel} for a new session (so sessions never share a server's state), later POSTs of that
 * session are sent on it and answered, as JSON, with the responses it reads; DELETE stops it.
 * The GET stream is not offered (405), as the transport allows. Messages the server sends on its
 * own are dropped. Session ids come from {@code random} (a SecureRandom in production).
 *
 * <p>Bounded by {@link StdioLimits} ({@code mcp-gateway.stdio}, which applies to every bridged
 * session): sessions unused for longer than the idle timeout, and those whose channel died, are
 * ended by {@link #reap} (run periodically once {@link #startReaper started}, and before a new
 * session is refused); a server already running {@code maxSessions} sessions refuses a new one
 * with a JSON-RPC error naming the limit; a stopped channel gets {@code killGrace} to end.
 */
final class SessionBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionBridge.class);

  private final JsonRpcCodec codec;
  private final RandomGenerator random;
  private final McpChannel.Opener opener;
  private final Clock clock;
  private final Map<String, Held> sessions = new ConcurrentHashMap<>();
  // per server, channels being opened for a new session (guarded by this)
  private final Map<String, Integer> opening = new HashMap<>();
  private volatile StdioLimits limits;
  private ScheduledExecutorService reaper;

  /** A channel, the server it serves, and the reaper's view of its use. */
  private static final class Held {
    final McpChannel channel;
    final McpServerConfig server;
    // requests running now, and when the last one began or ended
    final AtomicInteger active = new AtomicInteger();
    volatile Instant used;

    Held(McpChannel channel, McpServerConfig server, Instant used) {
      this.channel = channel;
      this.server = server;
      this.used = used;
    }

    void begin(Instant now) {
      active.incrementAndGet();
      used = now;
    }

    void end(Instant now) {
      used = now;
      active.decrementAndGet();
    }

    /** Whether no request runs and none ran since {@code cutoff}. */
    boolean idleSince(Instant cutoff) {
      return active.get() == 0 && !used.isAfter(cutoff);
    }
  }

  SessionBridge(JsonRpcCodec codec, RandomGenerator random, McpChannel.Opener opener,
      Clock clock, StdioLimits limits) {
    this.codec = requireNonNull(codec, "codec");
    this.random = requireNonNull(random, "random");
    this.opener = requireNonNull(opener, "opener");
    this.clock = requireNonNull(clock, "clock");
    this.limits = requireNonNull(limits, "limits");
  }

  /** New limits for new sessions and the next {@link #reap} (a reload). */
  void limits(StdioLimits next) {
    limits = requireNonNull(next, "limits");
  }

  /** Runs {@link #reap} periodically on a daemon thread: a quarter of the idle timeout, ≤30 s. */
  synchronized void startReaper(String name) {
    if (reaper != null) {
      return;
    }
    long period = Math.clamp(limits.idleTimeout().toMillis() / 4, 1_000, 30_000);
    reaper = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().daemon().name("rampart-mcp-" + name + "-reaper").unstarted(r));
    reaper.scheduleWithFixedDelay(() -> {
      try {
        reap();
      } catch (RuntimeException e) {
        LOG.warn("{} session reaper failed", name, e);
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Ends every session unused for longer than the idle timeout (a request still running keeps
   * its session) and forgets sessions whose channel died; returns how many live ones it ended.
   */
  int reap() {
    StdioLimits l = limits;
    Instant cutoff = clock.instant().minus(l.idleTimeout());
    int ended = 0;
    for (Map.Entry<String, Held> e : sessions.entrySet()) {
      Held h = e.getValue();
      boolean dead = !h.channel.alive();
      if ((dead || h.idleSince(cutoff)) && sessions.remove(e.getKey(), h)) {
        h.channel.stop(l.killGrace());
        if (!dead) {
          ended++;
          LOG.info("{} server {}: session idle for {}; ended", h.server.transport().key(),
              h.server.name(), l.idleTimeout());
        }
      }
    }
    return ended;
  }

  /** The channel of {@code session}, while it is open. */
  Optional<McpChannel> channel(String session) {
    return Optional.ofNullable(sessions.get(session)).map(h -> h.channel);
  }

  McpUpstream.Answer send(McpServerConfig server, String method, HttpFields headers, byte[] body,
      Duration timeout) {
    String session = headers.get("mcp-session-id");
    return switch (method) {
      case "DELETE" -> {
        Held s = session == null ? null : sessions.remove(session);
        if (s == null) {
          yield status(404);
        }
        s.channel.stop(limits.killGrace());
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
    if (session == null) {
      Optional<JsonRpcMessage.Request> initialize = messages.stream()
          .filter(m -> m instanceof JsonRpcMessage.Request r && r.method().equals("initialize"))
          .map(JsonRpcMessage.Request.class::cast).findFirst();
      if (initialize.isEmpty()) {
        return status(400);
      }
      if (!claim(server)) {
        return full(server, initialize.get().id());
      }
      McpChannel channel;
      try {
        channel = opener.open(server, timeout);
      } catch (RuntimeException e) {
        release(server);
        throw e;
      }
      byte[] id = new byte[16];
      random.nextBytes(id);
      String created = HexFormat.of().formatHex(id);
      // held while its initialize runs (its id is known to no one yet), so that it counts
      // against the cap and the reaper leaves it alone
      Held held = new Held(channel, server, clock.instant());
      held.begin(clock.instant());
      sessions.put(created, held);
      release(server);
      try {
        McpUpstream.Answer a = exchange(held.channel, payload, messages, headers, timeout);
        headers.put("Mcp-Session-Id", created);
        return a;
      } catch (RuntimeException e) {
        sessions.remove(created, held); // a session whose initialize failed is never handed out
        held.channel.close();
        throw e;
      } finally {
        held.end(clock.instant());
      }
    }
    Held held = sessions.get(session);
    if (held == null || !held.channel.alive()) {
      sessions.remove(session);
      return status(404);
    }
    held.begin(clock.instant());
    try {
      return exchange(held.channel, payload, messages, headers, timeout);
    } finally {
      held.end(clock.instant());
    }
  }

  /**
   * Takes one of {@code server}'s session slots for a channel being opened; false when the server
   * is at its cap even after a reap. Counting and taking are under one lock so that racing
   * initializes cannot both pass the cap; the channel is opened outside it.
   */
  private synchronized boolean claim(McpServerConfig server) {
    if (running(server) >= limits.maxSessions()) {
      reap(); // callers rarely DELETE their sessions: dead and idle ones make room first
    }
    if (running(server) >= limits.maxSessions()) {
      return false;
    }
    opening.merge(server.name(), 1, Integer::sum);
    return true;
  }

  // called once the opened channel is held (or failed to open)
  private synchronized void release(McpServerConfig server) {
    opening.computeIfPresent(server.name(), (k, n) -> n == 1 ? null : n - 1);
  }

  // dead channels count until reaped: a reap at the cap frees them
  private long running(McpServerConfig server) {
    return opening.getOrDefault(server.name(), 0) + sessions.values().stream()
        .filter(h -> h.server.name().equals(server.name())).count();
  }

  private McpUpstream.Answer full(McpServerConfig server, JsonNode id) {
    int max = limits.maxSessions();
    String kind = server.transport().key();
    LOG.warn("{} server {}: {} sessions running; a new one was refused", kind, server.name(), max);
    JsonRpcMessage.ErrorResponse e = McpErrors.refuse(id == null ? NullNode.getInstance() : id,
        "mcp." + kind + ".sessions", kind + " server " + server.name() + ": " + max
            + " sessions running (expected: at most " + max + " at once; end one with DELETE,"
            + " or retry after idle ones close)");
    HttpFields.Mutable h = HttpFields.build();
    h.put("Content-Type", "application/json");
    return new McpUpstream.Answer(503, h, new ByteArrayInputStream(codec.encode(e)));
  }

  /** Sends the messages, waits for the answers. */
  private McpUpstream.Answer exchange(McpChannel s, JsonRpcPayload payload,
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

  /** Sessions held now. */
  int size() {
    return sessions.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (reaper != null) {
        reaper.shutdownNow();
      }
    }
    Duration grace = limits.killGrace();
    sessions.values().forEach(h -> h.channel.stop(grace));
    sessions.clear();
  }
}
