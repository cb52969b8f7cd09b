package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.io.ByteArrayInputStream;
import java.time.Duration;
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
  static final int MAX_SESSIONS = 64;

  private final JsonRpcCodec codec;
  private final RandomGenerator random;
  private final McpChannel.Opener opener;
  private final Map<String, McpChannel> sessions = new ConcurrentHashMap<>();

  SessionBridge(JsonRpcCodec codec, RandomGenerator random, McpChannel.Opener opener) {
    this.codec = requireNonNull(codec, "codec");
    this.random = requireNonNull(random, "random");
    this.opener = requireNonNull(opener, "opener");
  }

  McpUpstream.Answer send(McpServerConfig server, String method, HttpFields headers, byte[] body,
      Duration timeout) {
    String session = headers.get("mcp-session-id");
    return switch (method) {
      case "DELETE" -> {
        McpChannel s = session == null ? null : sessions.remove(session);
        if (s == null) {
          yield status(404);
        }
        s.close();
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
      if (sessions.size() >= MAX_SESSIONS) {
        throw new McpGatewayException(server.transport().key() + " server " + server.name()
            + ": " + MAX_SESSIONS
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
      s = sessions.get(session);
      if (s == null || !s.alive()) {
        sessions.remove(session);
        return status(404);
      }
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
      sessions.put(created, s);
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

  @Override
  public void close() {
    sessions.values().forEach(McpChannel::close);
    sessions.clear();
  }
}
