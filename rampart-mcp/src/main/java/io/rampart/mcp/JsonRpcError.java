package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The {@code error} member of a JSON-RPC response.
 *
 * @param code the error code; the reserved codes are the constants of this record
 * @param message a short description, never containing request content
 * @param data optional extra information
 */
public record JsonRpcError(int code, String message, Optional<JsonNode> data) {
  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON is not a valid request object (or exceeds a limit). */
  public static final int INVALID_REQUEST = -32600;

  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  public JsonRpcError {
    requireNonNull(message, "message");
    requireNonNull(data, "data");
  }

  /** An error without data. */
  public static JsonRpcError of(int code, String message) {
    return new JsonRpcError(code, message, Optional.empty());
  }
}
