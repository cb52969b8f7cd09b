package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcError;
import io.rampart.mcp.JsonRpcMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of {@link SessionBridge}: its channel, the server it serves, the reaper's view of
 * its use, and the {@link ServerStream} where the server's own messages wait for the caller's
 * GET stream. Requests the server sends the caller are remembered by id, so that only answers
 * to them are passed back (a caller cannot inject arbitrary responses into the server).
 */
final class BridgedSession {
  private static final Logger LOG = LoggerFactory.getLogger(BridgedSession.class);
  /** Messages a session's stream holds by default ({@code mcp-gateway.stdio.stream-messages}). */
  static final int MAX_QUEUED = StdioLimits.DEFAULT.streamMessages();
  /** Server requests awaiting the caller's answer at once; more are refused at once. */
  static final int MAX_ASKED = 64;

  final McpChannel channel;
  final McpServerConfig server;
  final ServerStream stream;
  // bounds of this session's streams (as configured when it began)
  final int streamMessages;
  final long streamBytes;
  private final JsonRpcCodec codec;
  private final Set<String> asked = ConcurrentHashMap.newKeySet();
  // progress tokens of requests whose POST is answered as a stream, and those streams
  private final ConcurrentHashMap<String, ServerStream> progress = new ConcurrentHashMap<>();
  // requests running now, and when the last one began or ended
  private final AtomicInteger active = new AtomicInteger();
  private volatile Instant used;

  BridgedSession(McpChannel channel, McpServerConfig server, JsonRpcCodec codec, Instant used,
      int maxMessageBytes, StdioLimits limits) {
    this.channel = channel;
    this.server = server;
    this.codec = codec;
    this.used = used;
    // one message of the largest size always fits
    this.streamMessages = limits.streamMessages();
    this.streamBytes = Math.max(limits.streamBytes(), maxMessageBytes + 64L);
    this.stream = new ServerStream(streamMessages, streamBytes);
    channel.listen(this::unsolicited);
  }

  void begin(Instant now) {
    active.incrementAndGet();
    used = now;
  }

  void end(Instant now) {
    used = now;
    active.decrementAndGet();
  }

  /** Whether no request runs, no caller listens, and none ran since {@code cutoff}. */
  boolean idleSince(Instant cutoff) {
    return active.get() == 0 && !stream.attached() && !used.isAfter(cutoff);
  }

  /** Whether the caller may send this message to the server; answers only to asked requests. */
  boolean admits(JsonRpcMessage m) {
    JsonNode id = switch (m) {
      case JsonRpcMessage.Response r -> r.id();
      case JsonRpcMessage.ErrorResponse e -> e.id();
      default -> null;
    };
    if (id == null) {
      return true;
    }
    boolean known = asked.remove(id.toString());
    if (!known) {
      LOG.debug("{} server {}: dropping an answer to a request it did not send",
          server.transport().key(), server.name());
    }
    return known;
  }

  // on the channel's reader thread: never blocks
  private void unsolicited(JsonRpcMessage m) {
    if (!(m instanceof JsonRpcMessage.Request r)) {
      ServerStream own = m instanceof JsonRpcMessage.Notification n
          && n.method().equals("notifications/progress")
          ? n.params().map(p -> progress.get(p.path("progressToken").toString())).orElse(null)
          : null;
      (own != null ? own : stream).offer(codec.encode(m), false);
      return;
    }
    String id = r.id().toString();
    if (asked.size() < MAX_ASKED && asked.add(id)) {
      if (stream.offer(codec.encode(m), true)) {
        return;
      }
      asked.remove(id);
    }
    LOG.warn("{} server {}: its {} request found no room on the caller's stream; refused",
        server.transport().key(), server.name(), r.method());
    JsonRpcMessage.ErrorResponse no = McpErrors.of(r.id(), JsonRpcError.INTERNAL_ERROR,
        "the gateway holds too many messages for a caller that does not read its GET stream");
    // sent from another thread: writing to a server that is itself blocked writing would hang
    Thread.ofVirtual().name("rampart-mcp-refuse").start(() -> {
      try {
        channel.send(no);
      } catch (RuntimeException e) {
        LOG.debug("refusing a request of server {}: {}", server.name(), e.toString());
      }
    });
  }

  /** Progress notifications carrying {@code token} go to {@code to} until {@link #unroute}. */
  void route(JsonNode token, ServerStream to) {
    progress.put(token.toString(), to);
  }

  void unroute(JsonNode token) {
    progress.remove(token.toString());
  }

  /** Ends the channel (gently, see {@link McpChannel#stop}) and the caller's stream. */
  void stop(Duration grace) {
    stream.close();
    channel.stop(grace);
  }

  void close() {
    stream.close();
    channel.close();
  }
}
