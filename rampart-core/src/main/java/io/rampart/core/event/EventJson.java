package io.rampart.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON text for event attributes and references, as stored and as exported. */
final class EventJson {
  static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private EventJson() {}

  /** Serialises attributes; rejects values JSON cannot carry faithfully. */
  static String attributes(Map<String, Object> attributes) {
    attributes.forEach((key, value) -> check("attributes." + key, value));
    return write(attributes);
  }

  static String references(List<String> references) {
    return write(references);
  }

  static Map<String, Object> readAttributes(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, MAP);
  }

  static List<String> readReferences(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, LIST);
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "attributes: " + e.getOriginalMessage() + " (expected: JSON-compatible values)", e);
    }
  }

  // Jackson would write other objects as beans or fail late; Double NaN is not JSON at all.
  private static void check(String path, Object value) {
    switch (value) {
      case String _, Boolean _, Integer _, Long _, Short _, Byte _, BigInteger _,
          BigDecimal _ -> {}
      case Double d when Double.isFinite(d) -> {}
      case Float f when Float.isFinite(f) -> {}
      case Map<?, ?> map ->
          map.forEach(
              (k, v) -> {
                if (!(k instanceof String key)) {
                  throw new IllegalArgumentException(
                      path + ": key " + k + " (expected: string keys)");
                }
                checkNullable(path + "." + key, v);
              });
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          checkNullable(path + "[" + i + "]", list.get(i));
        }
      }
      default ->
          throw new IllegalArgumentException(
              path + ": " + describe(value)
                  + " (expected: String, finite Number, Boolean, List or Map)");
    }
  }

  private static void checkNullable(String path, @Nullable Object value) {
    if (value != null) {
      check(path, value);
    }
  }

  private static String describe(Object value) {
    return value instanceof Number ? value.toString() : value.getClass().getSimpleName();
  }
}
