package io.rampart.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON(C) file with the line of every value, keyed by JSON pointer. Client configs are
 * hand-edited (VS Code's are JSONC), so comments and trailing commas are accepted. Lines come
 * from Jackson's token locations in one streaming pass, before the tree is built.
 */
record LocatedJson(JsonNode root, Map<String, Integer> lines) {
  static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(200).maxDocumentLength(MAX_BYTES).build())
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  /** The line of the value at {@code pointer}, else of its nearest located ancestor, else 1. */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /**
   * Parses {@code text}.
   *
   * @throws McpException {@code line N: reason (expected: JSON)} when it is not JSON(C)
   */
  static LocatedJson parse(byte[] text) {
    if (text.length > MAX_BYTES) {
      throw new McpException("size: " + text.length + " bytes (expected: at most " + MAX_BYTES + ")");
    }
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        // For a field name the context's pointer already names the member being read.
        String pointer = p.getParsingContext().pathAsPointer().toString();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          pointer = p.getParsingContext().getParent() == null
              ? ""
              : p.getParsingContext().getParent().pathAsPointer().toString();
        }
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
      }
    } catch (JsonProcessingException e) {
      throw new McpException(
          "line " + e.getLocation().getLineNr() + ": " + firstLine(e.getOriginalMessage()) + " (expected: JSON)");
    } catch (IOException e) {
      throw new McpException("json: unreadable (expected: UTF-8 JSON)", e);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonNode root = MAPPER.readTree(p);
      if (root == null || root.isMissingNode()) {
        throw new McpException("json: empty file (expected: a JSON object)");
      }
      return new LocatedJson(root, Map.copyOf(lines));
    } catch (IOException e) {
      throw new McpException("json: unreadable (expected: UTF-8 JSON)", e);
    }
  }

  private static String firstLine(String message) {
    int cut = message.indexOf('\n');
    // Jackson quotes unrecognized tokens in full; a bare token may be a secret, so long ones go.
    String m = (cut >= 0 ? message.substring(0, cut) : message).replaceAll("'[^']{9,}'", "'<redacted>'");
    return m.length() > 100 ? m.substring(0, 100) + "..." : m;
  }
}
