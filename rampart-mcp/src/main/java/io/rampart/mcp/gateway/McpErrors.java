package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.mcp.JsonRpcError;
import io.rampart.mcp.JsonRpcMessage;
import java.util.Optional;

/**
 * JSON-RPC errors the gateway answers with. Policy refusals use {@link #POLICY} with {@code
 * data.rule} naming the rule; messages never echo request content.
 */
final class McpErrors {
  /** Refused by the gateway's policy (server-defined range of JSON-RPC 2.0). */
  static final int POLICY = -32010;
  /** The gateway could not reach or understand the MCP server. */
  static final int UPSTREAM = -32011;
  /** Not authenticated (sent with HTTP 401). */
  static final int UNAUTHORIZED = -32012;
  /** Quota exceeded (sent with HTTP 429). */
  static final int RATE_LIMITED = -32013;

  private McpErrors() {}

  static JsonRpcMessage.ErrorResponse refuse(JsonNode id, String rule, String message) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("rule", rule);
    return new JsonRpcMessage.ErrorResponse(id,
        new JsonRpcError(POLICY, message, Optional.of(data)));
  }

  static JsonRpcMessage.ErrorResponse of(JsonNode id, int code, String message) {
    return new JsonRpcMessage.ErrorResponse(id, JsonRpcError.of(code, message));
  }
}
