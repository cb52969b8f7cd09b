package io.rampart.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A JSON-RPC message could not be decoded or built. Carries the JSON-RPC error {@link #code()}
 * to answer with and the request {@link #id()} when it could be read ({@code NullNode} if not).
 */
public final class JsonRpcException extends McpException {
  private final int code;
  private final transient JsonNode id;

  public JsonRpcException(int code, String message) {
    this(code, message, NullNode.getInstance());
  }

  public JsonRpcException(int code, String message, JsonNode id) {
    super(message);
    this.code = code;
    this.id = id;
  }

  public int code() {
    return code;
  }

  public JsonNode id() {
    return id;
  }

  /** The error response to send back for this failure. */
  public JsonRpcMessage.ErrorResponse toErrorResponse() {
    return new JsonRpcMessage.ErrorResponse(id, JsonRpcError.of(code, getMessage()));
  }
}
