package io.rampart.core.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into plain maps, lists and strings with Jackson's streaming parser.
 * Skipping jackson-databind keeps the first catalog load well under 200 ms.
 */
final class CatalogYaml {
  /** Stands for a YAML null, so that maps and lists stay null-free. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private CatalogYaml() {}

  /**
   * Returns the document's root: a {@code Map<String, Object>}, {@code List<Object>}, String
   * or {@link #NULL}. Scalars of every type are returned as their text.
   *
   * @throws IOException when the stream cannot be read, is not YAML or repeats a mapping key
   */
  static Object read(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken first = parser.nextToken();
      return first == null ? NULL : value(parser, first);
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> mapping(parser);
      case START_ARRAY -> sequence(parser);
      case VALUE_NULL -> NULL;
      default -> parser.getText();
    };
  }

  private static Map<String, Object> mapping(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonToken token = next(parser); token != JsonToken.END_OBJECT; token = next(parser)) {
      String key = parser.currentName();
      Object value = value(parser, next(parser));
      if (map.putIfAbsent(key, value) != null) {
        throw new IOException("duplicate key '" + key + "' at line "
            + parser.currentLocation().getLineNr());
      }
    }
    return map;
  }

  private static List<Object> sequence(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    for (JsonToken token = next(parser); token != JsonToken.END_ARRAY; token = next(parser)) {
      list.add(value(parser, token));
    }
    return list;
  }

  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new IOException("unexpected end of document");
    }
    return token;
  }

  /** Short description of a value for error messages. */
  static String describe(Object value) {
    return switch (value) {
      case Map<?, ?> _ -> "a mapping";
      case List<?> _ -> "a list";
      case String s -> s.isEmpty() ? "\"\"" : s;
      default -> value.toString();
    };
  }
}
