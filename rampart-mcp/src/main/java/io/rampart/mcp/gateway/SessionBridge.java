package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Exposes servers of another transport over Streamable HTTP (stdio child processes, servers of
 * the older HTTP+SSE transport): an {@code initialize} without a session opens one {@link
 * McpChannel} for a new session (so sessions never share a server's state), later POSTs of that
 * session are sent on it and answered, as JSON, with the responses it reads; DELETE stops it.
 * Messages the server sends on its own (notifications, its requests such as {@code
 * sampling/createMessage}) wait in the session's bounded {@link ServerStream} for the caller's
 * GET stream; the caller's answers to those requests, POSTed, are passed back to the server (see
 * {@link BridgedSession}). Session ids come from {@code random} (a SecureRandom in production).
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
  /** Header of a GET stream's answer: notifications dropped before it, for its event. */
  static final String DROPPED = "X-Rampart-Dropped";
  private final Map<String, BridgedSession> sessions = new ConcurrentHashMap<>();
  // per server, channels being opened for a new session (guarded by this)
  private final Map<String, Integer> opening = new HashMap<>();
  private volatile StdioLimits limits;
  private AutoCloseable reaper;

  /** Runs a task every {@code period} until the returned handle is closed. */
  @FunctionalInterface
  interface Scheduler {
    AutoCloseable every(Duration period, Runnable task);
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

  /** Runs {@link #reap} periodically on a daemon thread: see {@link #reapPeriod}. */
  void startReaper(String name) {
    startReaper(name, (period, task) -> {
      ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("rampart-mcp-" + name + "-reaper").unstarted(r));
      e.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
      return e::shutdownNow;
    });
  }

  /** Runs {@link #reap} every {@link #reapPeriod} on {@code scheduler} (tests inject one). */
  synchronized void startReaper(String name, Scheduler scheduler) {
    if (reaper != null) {
      return;
    }
    reaper = scheduler.every(reapPeriod(limits), () -> {
      try {
        reap();
      } catch (RuntimeException e) {
        LOG.warn("{} session reaper failed", name, e);
      }
    });
  }

  /** A quarter of the idle timeout, between 1 and 30 seconds: an idle session lives ≤1.25×. */
  static Duration reapPeriod(StdioLimits limits) {
    return Duration.ofMillis(Math.clamp(limits.idleTimeout().toMillis() / 4, 1_000, 30_000));
  }

  /**
   * Ends every session unused for longer than the idle timeout (a request still running keeps
   * its session) and forgets sessions whose channel died; returns how many live ones it ended.
   */
  int reap() {
    StdioLimits l = limits;
    Instant cutoff = clock.instant().minus(l.idleTimeout());
    int ended = 0;
    for (Map.Entry<String, BridgedSession> e : sessions.entrySet()) {
      BridgedSession h = e.getValue();
      boolean dead = !h.channel.alive();
      if ((dead || h.idleSince(cutoff)) && sessions.remove(e.getKey(), h)) {
        h.stop(l.killGrace());
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
        BridgedSession s = session == null ? null : sessions.remove(session);
        if (s == null) {
          yield BridgeAnswers.status(404);
        }
        s.stop(limits.killGrace());
        yield BridgeAnswers.status(200);
      }
      case "POST" -> post(server, session, body, timeout, String.valueOf(headers.get("accept"))
          .toLowerCase(java.util.Locale.ROOT).contains("text/event-stream"));
      case "GET" -> get(session, headers);
      default -> BridgeAnswers.status(405);
    };
  }

  /**
   * The session's GET stream (its server's own messages, as {@code text/event-stream}): 406
   * unless the caller accepts that, 400 without a session, 404 for one that is not open. A
   * second GET of a session replaces the first, whose stream ends.
   */
  private McpUpstream.Answer get(String session, HttpFields headers) {
    String accept = headers.get("accept");
    if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT)
        .contains("text/event-stream")) {
      return BridgeAnswers.status(406);
    }
    if (session == null) {
      return BridgeAnswers.status(400);
    }
    BridgedSession held = sessions.get(session);
    if (held == null || !held.channel.alive()) {
      return BridgeAnswers.status(404);
    }
    long dropped = held.stream.takeDropped();
    if (dropped > 0) {
      LOG.warn("{} server {}: {} notifications dropped while its caller did not read them",
          held.server.transport().key(), held.server.name(), dropped);
    }
    HttpFields.Mutable h = HttpFields.build().put("Content-Type", "text/event-stream")
        .put(DROPPED, Long.toString(dropped));
    return new McpUpstream.Answer(200, h, held.stream.attach());
  }

  private McpUpstream.Answer post(McpServerConfig server, String session, byte[] body,
      Duration timeout, boolean streams) {
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
        return BridgeAnswers.status(400);
      }
      if (!claim(server)) {
        return BridgeAnswers.full(codec, limits, server, initialize.get().id());
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
      BridgedSession held = new BridgedSession(channel, server, codec, clock.instant(),
          codec.limits().maxBytes(), limits);
      held.begin(clock.instant());
      sessions.put(created, held);
      release(server);
      try {
        McpUpstream.Answer a = BridgeAnswers.exchange(codec, held, payload, messages, headers,
            timeout, streams);
        headers.put("Mcp-Session-Id", created);
        return a;
      } catch (RuntimeException e) {
        sessions.remove(created, held); // a session whose initialize failed is never handed out
        held.close();
        throw e;
      } finally {
        held.end(clock.instant());
      }
    }
    BridgedSession held = sessions.get(session);
    if (held == null || !held.channel.alive()) {
      sessions.remove(session);
      return BridgeAnswers.status(404);
    }
    held.begin(clock.instant());
    try {
      return BridgeAnswers.exchange(codec, held, payload, messages, headers, timeout,
          streams);
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

  /** Sessions held now. */
  int size() {
    return sessions.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (reaper != null) {
        try {
          reaper.close();
        } catch (Exception e) {
          LOG.debug("stopping the reaper: {}", e.toString());
        }
      }
    }
    Duration grace = limits.killGrace();
    sessions.values().forEach(h -> h.stop(grace));
    sessions.clear();
  }
}
