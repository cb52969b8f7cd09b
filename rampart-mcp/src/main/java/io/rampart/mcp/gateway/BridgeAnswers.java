package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP answers {@link SessionBridge} builds: exchanges with a channel, statuses, refusals. */
final class BridgeAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeAnswers.class);

  private BridgeAnswers() {}

  /**
   * Sends the messages (answers only to requests the server asked), waits for the answers to
   * the requests, and answers them as JSON (202 when there are none); when {@code streams} (the
   * caller accepts {@code text/event-stream}) and a request asked for progress, as a stream.
   */
  static McpUpstream.Answer exchange(JsonRpcCodec codec, BridgedSession s,
      JsonRpcPayload payload, List<JsonRpcMessage> messages, HttpFields.Mutable headers,
      Duration timeout, boolean streams) {
    List<JsonNode> tokens = streams ? progressTokens(messages) : List.of();
    if (!tokens.isEmpty()) {
      return streamed(codec, s, messages, headers, timeout, tokens);
    }
    List<JsonRpcMessage> answers = new ArrayList<>();
    for (JsonRpcMessage m : messages) {
      if (s.admits(m)) {
        s.channel.send(m);
      }
    }
    for (JsonRpcMessage m : messages) {
      if (m instanceof JsonRpcMessage.Request r) {
        answers.add(s.channel.await(r.id(), timeout));
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

  /**
   * A POST whose requests asked for progress, from a caller accepting a stream: answered as
   * {@code text/event-stream}, the server's progress notifications for those requests first (so
   * they reach the request's own stream, not the GET stream), then each answer, or an error for
   * a request that got none in time; the stream ends after the last.
   */
  private static McpUpstream.Answer streamed(JsonRpcCodec codec, BridgedSession s,
      List<JsonRpcMessage> messages, HttpFields.Mutable headers, Duration timeout,
      List<JsonNode> tokens) {
    ServerStream reply = new ServerStream(s.streamMessages, s.streamBytes);
    tokens.forEach(t -> s.route(t, reply));
    try {
      for (JsonRpcMessage m : messages) {
        if (s.admits(m)) {
          s.channel.send(m);
        }
      }
    } catch (RuntimeException e) {
      tokens.forEach(s::unroute);
      throw e;
    }
    Thread.ofVirtual().name("rampart-mcp-bridge-answer").start(() -> {
      try {
        for (JsonRpcMessage m : messages) {
          if (m instanceof JsonRpcMessage.Request r) {
            JsonRpcMessage answer;
            try {
              answer = s.channel.await(r.id(), timeout);
            } catch (McpGatewayException e) {
              LOG.warn("{}", e.getMessage());
              answer = McpErrors.of(r.id(), McpErrors.UPSTREAM, "the MCP server is unavailable");
            }
            reply.offer(codec.encode(answer), true); // answers are never dropped
          }
        }
      } finally {
        tokens.forEach(s::unroute);
        reply.finish();
      }
    });
    headers.put("Content-Type", "text/event-stream");
    return new McpUpstream.Answer(200, headers, reply.attach());
  }

  private static List<JsonNode> progressTokens(List<JsonRpcMessage> messages) {
    List<JsonNode> tokens = new ArrayList<>();
    for (JsonRpcMessage m : messages) {
      if (m instanceof JsonRpcMessage.Request r) {
        r.params().map(p -> p.path("_meta").path("progressToken"))
            .filter(t -> t.isTextual() || t.isIntegralNumber()).ifPresent(tokens::add);
      }
    }
    return tokens;
  }

  /** A server at its session cap refuses a new one, naming the limit. */
  static McpUpstream.Answer full(JsonRpcCodec codec, StdioLimits limits, McpServerConfig server,
      JsonNode id) {
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

  static McpUpstream.Answer status(int status) {
    return new McpUpstream.Answer(status, HttpFields.EMPTY, new ByteArrayInputStream(new byte[0]));
  }
}
