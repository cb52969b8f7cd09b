package io.rampart.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helpers for the plain-value trees that properties and parsed documents are made of. */
final class Values {
  private Values() {}

  /** Deep, null-dropping, immutable copy that keeps key order; ints become longs for CEL. */
  static Map<String, Object> freezeMap(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      Object f = freeze(v);
      if (k != null && f != null) {
        out.put(k, f);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  static Object freeze(Object v) {
    return switch (v) {
      case null -> null;
      case Map<?, ?> m -> {
        Map<String, Object> typed = new LinkedHashMap<>();
        m.forEach((k, x) -> typed.put(String.valueOf(k), x));
        yield freezeMap(typed);
      }
      case List<?> l -> {
        List<Object> out = new ArrayList<>();
        for (Object x : l) {
          Object f = freeze(x);
          if (f != null) {
            out.add(f);
          }
        }
        yield Collections.unmodifiableList(out);
      }
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Float f -> f.doubleValue();
      case java.math.BigInteger b -> b.longValue();
      case java.math.BigDecimal d -> d.doubleValue();
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Double d -> d;
      default -> v.toString();
    };
  }

  /** Walks a dotted path through nested maps. */
  static Optional<Object> at(Object root, String dotted) {
    Object cur = root;
    for (String part : dotted.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
        return Optional.empty();
      }
      cur = m.get(part);
    }
    return Optional.ofNullable(cur);
  }

  static Optional<String> string(Object root, String dotted) {
    return at(root, dotted).filter(v -> !(v instanceof Map || v instanceof List))
        .map(String::valueOf);
  }

  /** Booleans written as true/false, "Enabled"/"Disabled" or "true"/"false". */
  static Optional<Boolean> bool(Object root, String dotted) {
    return at(root, dotted).flatMap(Values::asBool);
  }

  static Optional<Boolean> asBool(Object v) {
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if (v instanceof String s) {
      return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "enabled", "yes", "on" -> Optional.of(true);
        case "false", "disabled", "no", "off" -> Optional.of(false);
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object v) {
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object v) {
    return v instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
