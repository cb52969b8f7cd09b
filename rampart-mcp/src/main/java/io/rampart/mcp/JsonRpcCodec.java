package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes and encodes JSON-RPC 2.0 text. Thread-safe. Failures are {@link JsonRpcException}s
 * carrying the code to answer with: {@code -32700} for text that is not JSON, {@code -32600} for
 * JSON that is not a valid message or exceeds a {@link JsonRpcLimits limit}. Unknown members are
 * ignored; duplicate members are rejected so two parsers cannot read different methods.
 */
public final class JsonRpcCodec {
  private final JsonRpcLimits limits;
  private final ObjectMapper mapper;

  private JsonRpcCodec(JsonRpcLimits limits) {
    this.limits = limits;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxDocumentLength(limits.maxBytes())
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public static JsonRpcCodec create(JsonRpcLimits limits) {
    return new JsonRpcCodec(requireNonNull(limits, "limits"));
  }

  public static JsonRpcCodec create() {
    return create(JsonRpcLimits.defaults());
  }

  public JsonRpcLimits limits() {
    return limits;
  }

  /** Decodes UTF-8 text. */
  public JsonRpcPayload decode(byte[] utf8) {
    requireNonNull(utf8, "utf8");
    if (utf8.length > limits.maxBytes()) {
      throw new JsonRpcException(
          JsonRpcError.INVALID_REQUEST,
          "size: " + utf8.length + " bytes (expected: at most " + limits.maxBytes() + ")");
    }
    JsonNode tree;
    try (JsonParser p = mapper.createParser(utf8)) {
      tree = mapper.readTree(p);
    } catch (StreamConstraintsException e) {
      throw new JsonRpcException(
          JsonRpcError.INVALID_REQUEST,
          "json: too deep or too large (expected: depth at most " + limits.maxDepth() + ")");
    } catch (JsonProcessingException e) {
      throw new JsonRpcException(JsonRpcError.PARSE_ERROR, "json: " + shortReason(e) + " (expected: valid JSON)");
    } catch (IOException | RuntimeException e) {
      throw new JsonRpcException(JsonRpcError.PARSE_ERROR, "json: unreadable (expected: valid UTF-8 JSON)");
    }
    if (tree == null || tree.isMissingNode()) {
      throw new JsonRpcException(JsonRpcError.PARSE_ERROR, "json: empty (expected: a JSON value)");
    }
    return toPayload(tree);
  }

  /** Decodes text. */
  public JsonRpcPayload decode(String text) {
    return decode(requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes an already parsed tree (e.g. a line read by another reader). */
  public JsonRpcPayload toPayload(JsonNode tree) {
    requireNonNull(tree, "tree");
    if (!tree.isArray()) {
      return new JsonRpcPayload.Single(message(tree));
    }
    if (tree.isEmpty()) {
      throw new JsonRpcException(JsonRpcError.INVALID_REQUEST, "batch: [] (expected: at least one message)");
    }
    if (tree.size() > limits.maxBatchSize()) {
      throw new JsonRpcException(
          JsonRpcError.INVALID_REQUEST,
          "batch: " + tree.size() + " messages (expected: at most " + limits.maxBatchSize() + ")");
    }
    List<JsonRpcPayload.Element> out = new ArrayList<>(tree.size());
    for (JsonNode element : tree) {
      try {
        out.add(new JsonRpcPayload.Valid(message(element)));
      } catch (JsonRpcException e) {
        out.add(new JsonRpcPayload.Invalid(e.id(), JsonRpcError.of(e.code(), e.getMessage())));
      }
    }
    return new JsonRpcPayload.Batch(out);
  }

  /** Decodes one message object (not a batch). */
  public JsonRpcMessage message(JsonNode node) {
    requireNonNull(node, "node");
    if (!node.isObject()) {
      throw invalid("message: " + JsonRpcChecks.kind(node) + " (expected: object)", NullNode.getInstance());
    }
    JsonNode rawId = node.get("id");
    JsonNode id = rawId != null && isIdShape(rawId) ? rawId : NullNode.getInstance();
    try {
      JsonNode version = node.get("jsonrpc");
      if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
        throw invalid("jsonrpc: " + describe(version) + " (expected: \"2.0\")", id);
      }
      JsonNode method = node.get("method");
      if (method != null) {
        if (!method.isTextual()) {
          throw invalid("method: " + JsonRpcChecks.kind(method) + " (expected: string)", id);
        }
        Optional<JsonNode> params = Optional.ofNullable(node.get("params"));
        return rawId == null
            ? new JsonRpcMessage.Notification(method.textValue(), params)
            : new JsonRpcMessage.Request(rawId, method.textValue(), params);
      }
      return response(node, rawId, id);
    } catch (JsonRpcException e) {
      throw e.id().equals(id) ? e : new JsonRpcException(e.code(), e.getMessage(), id);
    }
  }

  private JsonRpcMessage response(JsonNode node, JsonNode rawId, JsonNode id) {
    JsonNode result = node.get("result");
    JsonNode error = node.get("error");
    if (rawId == null) {
      throw invalid("id: missing (expected: a method, or an id with result or error)", id);
    }
    if ((result == null) == (error == null)) {
      throw invalid("result/error: " + (result == null ? "neither" : "both") + " (expected: exactly one)", id);
    }
    if (result != null) {
      return new JsonRpcMessage.Response(rawId, result);
    }
    if (!error.isObject()) {
      throw invalid("error: " + JsonRpcChecks.kind(error) + " (expected: object)", id);
    }
    JsonNode code = error.get("code");
    JsonNode message = error.get("message");
    if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
      throw invalid("error.code: " + describe(code) + " (expected: integer)", id);
    }
    if (message == null || !message.isTextual()) {
      throw invalid("error.message: " + describe(message) + " (expected: string)", id);
    }
    return new JsonRpcMessage.ErrorResponse(
        rawId,
        new JsonRpcError(code.intValue(), message.textValue(), Optional.ofNullable(error.get("data"))));
  }

  /** The message as a JSON tree. */
  public ObjectNode toTree(JsonRpcMessage message) {
    requireNonNull(message, "message");
    ObjectNode o = mapper.createObjectNode().put("jsonrpc", "2.0");
    switch (message) {
      case JsonRpcMessage.Request r -> {
        o.set("id", r.id());
        o.put("method", r.method());
        r.params().ifPresent(p -> o.set("params", p));
      }
      case JsonRpcMessage.Notification n -> {
        o.put("method", n.method());
        n.params().ifPresent(p -> o.set("params", p));
      }
      case JsonRpcMessage.Response r -> {
        o.set("id", r.id());
        o.set("result", r.result());
      }
      case JsonRpcMessage.ErrorResponse e -> {
        o.set("id", e.id());
        ObjectNode err = o.putObject("error").put("code", e.error().code()).put("message", e.error().message());
        e.error().data().ifPresent(d -> err.set("data", d));
      }
    }
    return o;
  }

  /** Compact UTF-8 text of one message (no line breaks, so it also suits stdio framing). */
  public byte[] encode(JsonRpcMessage message) {
    return write(toTree(message));
  }

  /** Compact UTF-8 text of a batch. */
  public byte[] encodeBatch(List<JsonRpcMessage> messages) {
    if (messages.isEmpty()) {
      throw new McpException("batch: [] (expected: at least one message)");
    }
    ArrayNode a = mapper.createArrayNode();
    messages.forEach(m -> a.add(toTree(m)));
    return write(a);
  }

  private byte[] write(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new McpException("message: not serializable (expected: a JSON tree)", e);
    }
  }

  private static boolean isIdShape(JsonNode id) {
    return id.isTextual() || id.isIntegralNumber();
  }

  private static String describe(JsonNode node) {
    if (node == null) {
      return "missing";
    }
    if (node.isTextual()) {
      String t = node.textValue();
      return "\"" + (t.length() > 20 ? t.substring(0, 20) + "..." : t) + "\"";
    }
    return JsonRpcChecks.kind(node);
  }

  private static String shortReason(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int cut = m.indexOf('\n');
    m = (cut >= 0 ? m.substring(0, cut) : m).replaceAll("'[^']{9,}'", "'<redacted>'");
    // Jackson quotes offending input; keep the reason short so no payload is echoed at length.
    return m.length() > 80 ? m.substring(0, 80) + "..." : m;
  }

  private static JsonRpcException invalid(String message, JsonNode id) {
    return new JsonRpcException(JsonRpcError.INVALID_REQUEST, message, id);
  }
}
