package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One JSON-RPC 2.0 message. Ids are JSON strings or numbers ({@code null} only in an error
 * response to a request whose id could not be read); params are objects or arrays.
 */
public sealed interface JsonRpcMessage {

  /** A call that expects a response. */
  record Request(JsonNode id, String method, Optional<JsonNode> params) implements JsonRpcMessage {
    public Request {
      JsonRpcChecks.requestId(id);
      JsonRpcChecks.method(method);
      JsonRpcChecks.params(params);
    }
  }

  /** A call without an id: no response is sent. */
  record Notification(String method, Optional<JsonNode> params) implements JsonRpcMessage {
    public Notification {
      JsonRpcChecks.method(method);
      JsonRpcChecks.params(params);
    }
  }

  /** A successful response. */
  record Response(JsonNode id, JsonNode result) implements JsonRpcMessage {
    public Response {
      JsonRpcChecks.requestId(id);
      requireNonNull(result, "result");
    }
  }

  /** An error response; {@code id} is a {@code NullNode} when the request id was unreadable. */
  record ErrorResponse(JsonNode id, JsonRpcError error) implements JsonRpcMessage {
    public ErrorResponse {
      JsonRpcChecks.responseId(id);
      requireNonNull(error, "error");
    }
  }
}
