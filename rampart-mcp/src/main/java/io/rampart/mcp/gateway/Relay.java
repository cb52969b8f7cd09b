package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.Caller;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcException;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import io.rampart.mcp.McpException;
import io.rampart.mcp.SseEvent;
import io.rampart.mcp.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a server's answer into the caller's: JSON bodies are decoded, passed through {@link
 * MessagePolicy} and re-encoded; SSE streams are parsed event by event and each message is
 * relayed (or dropped) as it arrives, flushing after each. When a stream breaks before every
 * forwarded request got its answer, the caller gets a JSON-RPC error for each one left.
 */
final class Relay {
  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

  private final JsonRpcCodec codec;
  private final MessagePolicy policy;
  private final int maxBytes;

  Relay(JsonRpcCodec codec, MessagePolicy policy, int maxBytes) {
    this.codec = requireNonNull(codec, "codec");
    this.policy = requireNonNull(policy, "policy");
    this.maxBytes = maxBytes;
  }

  /**
   * The server's answer, with policy applied, for the caller. {@code back} answers server
   * requests the gateway refused (on the same server session) and records them.
   */
  Reply relay(McpUpstream.Answer answer, Caller caller, McpServerConfig server,
      Map<String, Call> pending, ServerAnswers back) {
    Map<String, String> headers = new LinkedHashMap<>();
    String session = answer.headers().get("mcp-session-id");
    if (session != null) {
      headers.put("Mcp-Session-Id", session);
    }
    String type = answer.headers().get("content-type");
    String ct = type == null ? "" : type.toLowerCase(Locale.ROOT);
    int status = answer.status();
    if (status >= 400) {
      pending.values().forEach(c -> {
        if (c.decision.equals("allowed")) {
          c.decision = "error";
          c.errorCode = "upstream_status_" + status;
        }
      });
    }
    if (status == 200 && ct.startsWith("text/event-stream")) {
      return new Reply.Streamed(200, headers, out -> stream(answer.body(), out, caller, server,
          pending, back));
    }
    byte[] body;
    try (InputStream in = answer.body()) {
      body = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      return failed(pending, "the MCP server's answer could not be read");
    }
    if (body.length > maxBytes) {
      return failed(pending, "the MCP server's answer is larger than " + maxBytes + " bytes");
    }
    if (status == 200 && ct.startsWith("application/json") && body.length > 0) {
      return json(body, caller, server, pending, headers, back);
    }
    // 202, errors (404 unknown session, 405 no GET stream) and other bodies pass as they are
    Reply.Full r = new Reply.Full(status, headers, type == null ? "" : type, body);
    return r;
  }

  private Reply json(byte[] body, Caller caller, McpServerConfig server,
      Map<String, Call> pending, Map<String, String> headers, ServerAnswers back) {
    JsonRpcPayload payload;
    try {
      payload = codec.decode(body);
    } catch (JsonRpcException e) {
      return failed(pending, "the MCP server answered with a malformed message");
    }
    List<JsonRpcMessage> out = new ArrayList<>();
    List<JsonRpcMessage> in = switch (payload) {
      case JsonRpcPayload.Single s -> List.of(s.message());
      case JsonRpcPayload.Batch b -> b.messages();
    };
    for (JsonRpcMessage m : in) {
      policy.fromServer(caller, server, m, pending, back).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      return new Reply.Full(202, headers, "", new byte[0]);
    }
    byte[] encoded = payload instanceof JsonRpcPayload.Single ? codec.encode(out.getFirst())
        : codec.encodeBatch(out);
    return new Reply.Full(200, headers, "application/json", encoded);
  }

  private void stream(InputStream body, OutputStream out, Caller caller, McpServerConfig server,
      Map<String, Call> pending, ServerAnswers back) throws IOException {
    SseParser parser = SseParser.create(maxBytes);
    Set<String> answered = new HashSet<>();
    byte[] buf = new byte[16 * 1024];
    boolean broken = false;
    try (InputStream in = body) {
      while (true) {
        int n;
        List<SseEvent> events;
        try {
          n = in.read(buf);
          if (n < 0) {
            break;
          }
          events = parser.feed(buf, 0, n);
        } catch (IOException | McpException e) {
          broken = true;
          LOG.debug("stream from server {} ended: {}", server.name(), e.toString());
          break;
        }
        for (SseEvent e : events) {
          write(e, out, caller, server, pending, answered, back);
        }
      }
    }
    List<Call> left = pending.entrySet().stream()
        .filter(e -> !answered.contains(e.getKey())).map(Map.Entry::getValue).toList();
    for (Call c : left) {
      c.decision = "error";
      c.errorCode = broken ? "upstream_disconnected" : "upstream_no_answer";
      event(out, Optional.empty(), McpErrors.of(c.id, McpErrors.UPSTREAM,
          "the MCP server closed the stream before answering"));
    }
  }

  private void write(SseEvent e, OutputStream out, Caller caller, McpServerConfig server,
      Map<String, Call> pending, Set<String> answered, ServerAnswers back)
      throws IOException {
    if (!e.event().equals("message")) {
      return; // only messages are part of the protocol; anything else is not relayed
    }
    JsonRpcPayload payload;
    try {
      payload = codec.decode(e.data());
    } catch (JsonRpcException ex) {
      LOG.warn("dropping a malformed message from server {}", server.name());
      return;
    }
    List<JsonRpcMessage> in = switch (payload) {
      case JsonRpcPayload.Single s -> List.of(s.message());
      case JsonRpcPayload.Batch b -> b.messages();
    };
    for (JsonRpcMessage m : in) {
      if (m instanceof JsonRpcMessage.Response r) {
        answered.add(r.id().toString());
      } else if (m instanceof JsonRpcMessage.ErrorResponse er) {
        answered.add(er.id().toString());
      }
      Optional<JsonRpcMessage> relayed = policy.fromServer(caller, server, m, pending, back);
      if (relayed.isPresent()) {
        event(out, e.id(), relayed.get());
      }
    }
  }

  private void event(OutputStream out, Optional<String> id, JsonRpcMessage m) throws IOException {
    StringBuilder sb = new StringBuilder();
    id.ifPresent(i -> sb.append("id: ").append(i.replace("\n", "").replace("\r", "")).append('\n'));
    sb.append("event: message\ndata: ");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.write(codec.encode(m));
    out.write("\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Every forwarded request gets an error: the server's answer is unusable. */
  Reply.Full failed(Map<String, Call> pending, String why) {
    List<JsonRpcMessage> errors = new ArrayList<>();
    for (Call c : pending.values()) {
      c.decision = "error";
      c.errorCode = "upstream_failure";
      errors.add(McpErrors.of(c.id, McpErrors.UPSTREAM, why));
    }
    byte[] body = errors.size() == 1 ? codec.encode(errors.getFirst())
        : errors.isEmpty() ? codec.encode(McpErrors.of(
            com.fasterxml.jackson.databind.node.NullNode.getInstance(), McpErrors.UPSTREAM, why))
        : codec.encodeBatch(errors);
    return Reply.Full.json(502, body);
  }
}
