package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Shared validation of message parts, so decoded and hand-built messages obey the same rules. */
final class JsonRpcChecks {
  private JsonRpcChecks() {}

  static void requestId(JsonNode id) {
    requireNonNull(id, "id");
    // MCP forbids null ids, and fractional numbers make ids ambiguous to correlate.
    if (!(id.isTextual() || id.isIntegralNumber())) {
      throw invalid("id: " + kind(id) + " (expected: string or integer)");
    }
  }

  static void responseId(JsonNode id) {
    requireNonNull(id, "id");
    if (!(id.isNull() || id.isTextual() || id.isIntegralNumber())) {
      throw invalid("id: " + kind(id) + " (expected: string, integer or null)");
    }
  }

  static void method(String method) {
    requireNonNull(method, "method");
    if (method.isEmpty()) {
      throw invalid("method: \"\" (expected: a non-empty string)");
    }
  }

  static void params(Optional<JsonNode> params) {
    requireNonNull(params, "params");
    params.ifPresent(
        p -> {
          if (!(p.isObject() || p.isArray())) {
            throw invalid("params: " + kind(p) + " (expected: object or array)");
          }
        });
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static JsonRpcException invalid(String message) {
    return new JsonRpcException(JsonRpcError.INVALID_REQUEST, message);
  }
}
