package io.rampart.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain maps and lists and remembers the line each object started on, so that
 * assets read from JSON exports point at their line.
 */
final class JsonTree {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final int MAX_DEPTH = 200;

  final Object root;
  private final Map<Object, Integer> lines;

  private JsonTree(Object root, Map<Object, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /** Parses {@code text}; a syntax error becomes a {@link ParseException} with its line. */
  static JsonTree parse(String text) {
    Map<Object, Integer> lines = new IdentityHashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ParseException(1, "malformed JSON: empty document (expected: a JSON value)");
      }
      Object root = value(p, t, lines, 0);
      if (p.nextToken() != null) {
        throw new ParseException(p.currentLocation().getLineNr(),
            "malformed JSON: text after the end of the document (expected: one JSON value)");
      }
      return new JsonTree(root == null ? Map.of() : root, lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ParseException(line, "malformed JSON: " + e.getOriginalMessage().lines()
          .findFirst().orElse("") + " (expected: valid JSON)");
    } catch (IOException e) {
      throw new ParseException(0, "malformed JSON: " + e.getMessage());
    }
  }

  /** 1-based line where {@code node} (a map or list of this tree) started, 0 if unknown. */
  int line(Object node) {
    return lines.getOrDefault(node, 0);
  }

  private static Object value(JsonParser p, JsonToken t, Map<Object, Integer> lines, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) {
      throw new ParseException(p.currentLocation().getLineNr(),
          "malformed JSON: nested deeper than " + MAX_DEPTH + " (expected: a shallower document)");
    }
    int line = p.currentLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          Object v = value(p, p.nextToken(), lines, depth + 1);
          if (v != null) {
            m.put(name, v);
          }
        }
        lines.put(m, line);
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          Object v = value(p, k, lines, depth + 1);
          if (v != null) {
            l.add(v);
          }
        }
        lines.put(l, line);
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getText() : (Object) p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new ParseException(line, "malformed JSON: unexpected " + t);
    }
  }
}
