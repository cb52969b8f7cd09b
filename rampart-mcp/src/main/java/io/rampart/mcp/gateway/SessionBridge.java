package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.mcp.JsonRpcCodec;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.http.HttpFields;

/**
 * Exposes servers of another transport over Streamable HTTP (stdio child processes, servers of
 * the older HTTP+SSE transport): an {@code initialize} without a session opens one {@link
 * McpChannel} for a new session (so sessions never share a server's state), later POSTs of that
 * session are sent on it and answered, as JSON, with the responses it reads; DELETE closes it.
 * The GET stream is not offered (405), as the transport allows. Messages the server sends on its
 * own are dropped. Session ids come from {@code random} (a SecureRandom in production).
 */
final class SessionBridge implements AutoCloseable {
  private final JsonRpcCodec codec;
  private final RandomGenerator random;
  private final McpChannel.Opener opener;
  private final Clock clock;
  private final int maxSessions;
  private final Map<String, Held> sessions = new ConcurrentHashMap<>();

  /** A channel and when a caller last used it. */
  private static final class Held {
    final McpChannel channel;
    volatile Instant used;

    Held(McpChannel channel, Instant used) {
      this.channel = channel;
      this.used = used;
    }
  }

  /**
   * At most {@code maxSessions} channels are held; when a new one would pass that, channels that
   * died or sat unused for longer than the upstream timeout (by {@code clock}) are closed first,
   * since callers rarely DELETE their sessions.
   */
  SessionBridge(JsonRpcCodec codec, RandomGenerator random, McpChannel.Opener opener,
      Clock clock, int maxSessions) {
    this.codec = requireNonNull(codec, "codec");
    this.random = requireNonNull(random, "random");
    this.opener = requireNonNull(opener, "opener");
    this.clock = requireNonNull(clock, "clock");
    if (maxSessions < 1) {
      throw new IllegalArgumentException("max-sessions: " + maxSessions + " (expected: 1 or more)");
    }
    this.maxSessions = maxSessions;
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
        s.channel.close();
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
    McpChannel s;
    if (session == null) {
      boolean initialize = messages.stream().anyMatch(m ->
          m instanceof JsonRpcMessage.Request r && r.method().equals("initialize"));
      if (!initialize) {
        return status(400);
      }
      if (sessions.size() >= maxSessions) {
        reap(timeout);
      }
      if (sessions.size() >= maxSessions) {
        throw new McpGatewayException(server.transport().key() + " server " + server.name()
            + ": " + maxSessions
            + " sessions running (expected: fewer; close idle sessions with DELETE)");
      }
      byte[] id = new byte[16];
      random.nextBytes(id);
      session = HexFormat.of().formatHex(id);
      s = opener.open(server, timeout);
      try {
        return exchange(s, payload, messages, headers, timeout, session);
      } catch (RuntimeException e) {
        s.close(); // a session whose initialize failed is never handed out
        throw e;
      }
    } else {
      Held held = sessions.get(session);
      if (held == null || !held.channel.alive()) {
        sessions.remove(session);
        return status(404);
      }
      held.used = clock.instant();
      s = held.channel;
    }
    return exchange(s, payload, messages, headers, timeout, null);
  }

  /** Sends the messages, waits for the answers; {@code created} names a session to keep. */
  private McpUpstream.Answer exchange(McpChannel s, JsonRpcPayload payload,
      List<JsonRpcMessage> messages, HttpFields.Mutable headers, Duration timeout,
      String created) {
    List<JsonRpcMessage> answers = new ArrayList<>();
    for (JsonRpcMessage m : messages) {
      s.send(m);
    }
    for (JsonRpcMessage m : messages) {
      if (m instanceof JsonRpcMessage.Request r) {
        answers.add(s.await(r.id(), timeout));
      }
    }
    if (created != null) {
      sessions.put(created, new Held(s, clock.instant()));
      headers.put("Mcp-Session-Id", created);
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

  /** Closes the channels that died or were not used within {@code idle}. */
  private void reap(Duration idle) {
    Instant before = clock.instant().minus(idle);
    sessions.entrySet().removeIf(e -> {
      Held h = e.getValue();
      boolean stale = !h.channel.alive() || h.used.isBefore(before);
      if (stale) {
        h.channel.close();
      }
      return stale;
    });
  }

  /** Sessions held now. */
  int size() {
    return sessions.size();
  }

  @Override
  public void close() {
    sessions.values().forEach(h -> h.channel.close());
    sessions.clear();
  }
}
