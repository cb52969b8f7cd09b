package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.rampart.gateway.Caller;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcError;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A caller's POST body after {@link MessagePolicy} looked at each message: the requests to
 * forward (by id, for matching answers), or the errors to answer at once. A batch goes to the
 * server whole or not at all: when any element is invalid or refused, the gateway answers every
 * request in it, so no half-checked batch is ever forwarded.
 */
final class Inbound {
  private final JsonRpcPayload payload;
  private final Map<String, Call> pending = new LinkedHashMap<>();
  private final Map<JsonRpcMessage, JsonRpcMessage.ErrorResponse> refusals =
      new IdentityHashMap<>();
  private final Map<JsonRpcMessage, Call> calls = new IdentityHashMap<>();
  private boolean invalid;
  private boolean modified;

  private Inbound(JsonRpcPayload payload) {
    this.payload = payload;
  }

  static Inbound check(JsonRpcPayload payload, List<Call> sink, Caller caller,
      McpServerConfig server, MessagePolicy policy) {
    Inbound in = new Inbound(payload);
    List<JsonRpcPayload.Element> elements = switch (payload) {
      case JsonRpcPayload.Single s -> List.of(new JsonRpcPayload.Valid(s.message()));
      case JsonRpcPayload.Batch b -> b.elements();
    };
    for (JsonRpcPayload.Element e : elements) {
      switch (e) {
        case JsonRpcPayload.Invalid bad -> {
          in.invalid = true;
          Call c = new Call("(invalid)", bad.id());
          c.decision = "error";
          c.errorCode = "invalid_request";
          sink.add(c);
        }
        case JsonRpcPayload.Valid v -> in.one(v.message(), sink, caller, server, policy);
      }
    }
    return in;
  }

  private void one(JsonRpcMessage m, List<Call> sink, Caller caller, McpServerConfig server,
      MessagePolicy policy) {
    Call c = switch (m) {
      case JsonRpcMessage.Request r -> new Call(r.method(), r.id());
      case JsonRpcMessage.Notification n -> new Call(n.method(), NullNode.getInstance());
      case JsonRpcMessage.Response r -> new Call("(response)", r.id());
      case JsonRpcMessage.ErrorResponse r -> new Call("(error-response)", r.id());
    };
    sink.add(c);
    calls.put(m, c);
    if (m instanceof JsonRpcMessage.Request r) {
      Optional<JsonRpcMessage.ErrorResponse> refused = policy.request(caller, server, r, c);
      if (refused.isPresent()) {
        refusals.put(m, refused.get());
      } else {
        pending.put(r.id().toString(), c);
        modified |= c.decision.equals("redacted");
      }
    } else if (m instanceof JsonRpcMessage.Response r) {
      Optional<JsonRpcMessage.ErrorResponse> refused = policy.answer(server, r, c);
      if (refused.isPresent()) {
        refusals.put(m, refused.get());
      }
      modified |= c.decision.equals("redacted");
    }
  }

  boolean refused() {
    return invalid || !refusals.isEmpty();
  }

  boolean modified() {
    return modified;
  }

  Map<String, Call> pending() {
    return pending;
  }

  /** The errors the gateway answers for a refused payload (HTTP 200, or 202 when none apply). */
  Reply answer(JsonRpcCodec codec) {
    if (payload instanceof JsonRpcPayload.Single s) {
      return Reply.Full.json(200, codec.encode(refusals.get(s.message())));
    }
    List<JsonRpcMessage> out = new ArrayList<>();
    for (JsonRpcPayload.Element e : ((JsonRpcPayload.Batch) payload).elements()) {
      switch (e) {
        case JsonRpcPayload.Invalid bad -> out.add(new JsonRpcMessage.ErrorResponse(bad.id(),
            bad.error()));
        case JsonRpcPayload.Valid v -> {
          if (refusals.containsKey(v.message())) {
            out.add(refusals.get(v.message()));
          } else if (v.message() instanceof JsonRpcMessage.Request r) {
            Call c = calls.get(r);
            c.blocked("mcp.batch", "batch_refused");
            out.add(McpErrors.refuse(r.id(), "mcp.batch", "request not sent: another element of "
                + "its batch was invalid or refused"));
          }
        }
      }
    }
    pending.clear();
    return out.isEmpty() ? Reply.Full.empty(202) : Reply.Full.json(200, codec.encodeBatch(out));
  }

  /** The payload re-encoded after redaction (params were redacted in place). */
  byte[] encode(JsonRpcCodec codec) {
    return switch (payload) {
      case JsonRpcPayload.Single s -> codec.encode(s.message());
      case JsonRpcPayload.Batch b -> codec.encodeBatch(b.messages());
    };
  }


}
