package io.rampart.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the small subset of ARM template expressions that name and connect resources:
 * {@code parameters}, {@code variables}, {@code concat}, {@code format}, {@code resourceId},
 * {@code toLower}/{@code toUpper}. Anything else (reference(), uniqueString(), ...) is unknown.
 */
final class ArmExpressions {
  private final String path;
  private final Map<String, Object> parameters;
  private final Map<String, Object> variables;
  private int depth;

  ArmExpressions(String path, Map<String, Object> parameters, Map<String, Object> variables) {
    this.path = path;
    this.parameters = parameters;
    this.variables = variables;
  }

  /** Stable synthetic ID of a template resource. */
  String resourceId(String type, String name) {
    return ("arm:" + path + ":" + type + "/" + name).toLowerCase(Locale.ROOT);
  }

  Optional<String> eval(String text) {
    return evalAny(text).filter(v -> !(v instanceof Map || v instanceof List)).map(String::valueOf);
  }

  /** A string's value: itself, or its expression's value; empty when not evaluable. */
  Optional<Object> evalAny(String text) {
    if (!text.startsWith("[") || !text.endsWith("]")) {
      return Optional.of(text);
    }
    if (text.startsWith("[[")) {
      return Optional.of(text.substring(1));
    }
    if (depth > 20) {
      return Optional.empty(); // variables referring to each other in a cycle
    }
    depth++;
    try {
      Parser p = new Parser(text.substring(1, text.length() - 1));
      Optional<Object> v = p.expr();
      return p.atEnd() ? v : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    } finally {
      depth--;
    }
  }

  /** Deep copy of {@code map} with expressions evaluated; unevaluable values are dropped. */
  Map<String, Object> resolveDeep(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (!k.equals("resources")) {
        resolve(v).ifPresent(x -> out.put(k, x));
      }
    });
    return out;
  }

  private Optional<Object> resolve(Object v) {
    return switch (v) {
      case String s -> evalAny(s);
      case Map<?, ?> m -> Optional.of(resolveDeep(Values.map(m)));
      case List<?> l -> {
        List<Object> out = new ArrayList<>();
        l.forEach(x -> resolve(x).ifPresent(out::add));
        yield Optional.of(out);
      }
      default -> Optional.of(v);
    };
  }

  private Optional<Object> call(String fn, List<Optional<Object>> args) {
    if (args.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    List<Object> a = args.stream().map(Optional::get).toList();
    return switch (fn.toLowerCase(Locale.ROOT)) {
      case "parameters" -> Optional.ofNullable(
          Values.map(parameters.get(String.valueOf(a.getFirst()))).get("defaultValue"))
          .flatMap(this::resolve);
      case "variables" -> Optional.ofNullable(variables.get(String.valueOf(a.getFirst())))
          .flatMap(this::resolve);
      case "concat" -> Optional.of(String.join("", a.stream().map(String::valueOf).toList()));
      case "tolower" -> Optional.of(String.valueOf(a.getFirst()).toLowerCase(Locale.ROOT));
      case "toupper" -> Optional.of(String.valueOf(a.getFirst()).toUpperCase(Locale.ROOT));
      case "string" -> Optional.of(String.valueOf(a.getFirst()));
      case "format" -> {
        String f = String.valueOf(a.getFirst());
        for (int i = 1; i < a.size(); i++) {
          f = f.replace("{" + (i - 1) + "}", String.valueOf(a.get(i)));
        }
        yield Optional.of(f);
      }
      case "resourceid" -> {
        int t = 0;
        while (t < a.size() && !String.valueOf(a.get(t)).contains("/")) {
          t++; // leading subscription / resource group arguments
        }
        if (t >= a.size() - 1) {
          yield Optional.empty();
        }
        List<String> names = a.subList(t + 1, a.size()).stream().map(String::valueOf).toList();
        yield Optional.of(resourceId(String.valueOf(a.get(t)), String.join("/", names)));
      }
      default -> Optional.empty();
    };
  }

  /** Recursive-descent parser over one expression; evaluates as it parses. */
  private final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    boolean atEnd() {
      skip();
      return i >= s.length();
    }

    Optional<Object> expr() {
      Optional<Object> v = primary();
      while (true) {
        skip();
        if (i < s.length() && s.charAt(i) == '.') {
          i++;
          String member = ident();
          v = v.flatMap(x -> Optional.ofNullable(Values.map(x).get(member)));
        } else if (i < s.length() && s.charAt(i) == '[') {
          i++;
          Optional<Object> idx = expr();
          expect(']');
          v = Optional.empty(); // indexing is rare in names; treat as unknown
          idx.ifPresent(x -> { });
        } else {
          return v;
        }
      }
    }

    private Optional<Object> primary() {
      skip();
      char ch = s.charAt(i);
      if (ch == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          char c = s.charAt(i++);
          if (c == '\'') {
            if (i < s.length() && s.charAt(i) == '\'') {
              b.append('\'');
              i++;
            } else {
              return Optional.of(b.toString());
            }
          } else {
            b.append(c);
          }
        }
      }
      if (Character.isDigit(ch) || ch == '-') {
        int start = i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        return Optional.of(Long.parseLong(s.substring(start, i)));
      }
      String name = ident();
      if (name.equals("true") || name.equals("false")) {
        return Optional.of(Boolean.parseBoolean(name));
      }
      expect('(');
      List<Optional<Object>> args = new ArrayList<>();
      skip();
      if (s.charAt(i) != ')') {
        do {
          args.add(expr());
          skip();
        } while (s.charAt(i) == ',' && i++ >= 0);
      }
      expect(')');
      return call(name, args);
    }

    private String ident() {
      skip();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
      if (start == i) {
        throw new IllegalStateException("identifier expected at " + i);
      }
      return s.substring(start, i);
    }

    private void expect(char c) {
      skip();
      if (i >= s.length() || s.charAt(i) != c) {
        throw new IllegalStateException(c + " expected at " + i);
      }
      i++;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
