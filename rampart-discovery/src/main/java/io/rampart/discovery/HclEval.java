package io.rampart.discovery;

import io.rampart.discovery.HclAst.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates HCL expressions against one Terraform module instance: {@code var.*} from module
 * arguments, tfvars and defaults, {@code local.*}, literals and a few pure functions. Anything
 * that needs a plan (resource attributes, data sources, count.index) is unknown (empty).
 */
final class HclEval {
  /** A module instance: its variables' expressions (with the scope to evaluate them in). */
  static final class Scope {
    final String prefix; // "" for the root module, "module.x." for a child
    final Map<String, Bound> vars = new LinkedHashMap<>();
    final Map<String, Expr> locals = new LinkedHashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    Scope(String prefix) {
      this.prefix = prefix;
    }
  }

  /** An expression together with the scope it must be evaluated in. */
  record Bound(Expr expr, Scope scope) {}

  private HclEval() {}

  static Optional<Object> eval(Expr e, Scope s) {
    return switch (e) {
      case HclAst.Literal l -> l.value();
      case HclAst.Template t -> {
        StringBuilder b = new StringBuilder();
        for (Object part : t.parts()) {
          if (part instanceof String str) {
            b.append(str);
          } else {
            Optional<Object> v = eval((Expr) part, s);
            if (v.isEmpty() || v.get() instanceof Map || v.get() instanceof List) {
              yield Optional.empty();
            }
            b.append(v.get());
          }
        }
        yield Optional.of(b.toString());
      }
      case HclAst.Tuple t -> {
        List<Object> out = new ArrayList<>();
        for (Expr x : t.items()) {
          Optional<Object> v = eval(x, s);
          if (v.isEmpty()) {
            yield Optional.empty();
          }
          out.add(v.get());
        }
        yield Optional.of(out);
      }
      case HclAst.ObjectCons o -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Expr, Expr> item : o.items()) {
          Optional<Object> k = eval(item.getKey(), s);
          Optional<Object> v = eval(item.getValue(), s);
          if (k.isEmpty()) {
            yield Optional.empty();
          }
          v.ifPresent(x -> out.put(String.valueOf(k.get()), x));
        }
        yield Optional.of(out);
      }
      case HclAst.Traversal t -> traversal(t, s);
      case HclAst.Call c -> call(c, s);
      case HclAst.Operation o -> operation(o, s);
      case HclAst.ForExpr f -> Optional.empty();
    };
  }

  private static Optional<Object> traversal(HclAst.Traversal t, Scope s) {
    if (t.steps().isEmpty() || !(t.steps().getFirst() instanceof String name)) {
      return Optional.empty();
    }
    Optional<Object> base;
    String key = t.root() + "." + name;
    if (!s.evaluating.add(key)) {
      return Optional.empty(); // a cycle between locals or variables
    }
    try {
      base = switch (t.root()) {
        case "var" -> Optional.ofNullable(s.vars.get(name)).flatMap(b -> eval(b.expr(), b.scope()));
        case "local" -> Optional.ofNullable(s.locals.get(name)).flatMap(x -> eval(x, s));
        default -> Optional.empty();
      };
    } finally {
      s.evaluating.remove(key);
    }
    for (Object step : t.steps().subList(1, t.steps().size())) {
      Optional<Object> cur = base;
      base = switch (step) {
        case String attr -> cur.flatMap(v -> v instanceof Map<?, ?> m
            ? Optional.ofNullable(m.get(attr))
            : v instanceof List<?> l && attr.chars().allMatch(Character::isDigit)
                && Integer.parseInt(attr) < l.size() ? Optional.of(l.get(Integer.parseInt(attr)))
                : Optional.empty());
        case Expr idx -> cur.flatMap(v -> eval(idx, s).flatMap(i -> index(v, i)));
        default -> Optional.empty();
      };
    }
    return base;
  }

  private static Optional<Object> index(Object v, Object i) {
    if (v instanceof Map<?, ?> m) {
      return Optional.ofNullable(m.get(String.valueOf(i)));
    }
    if (v instanceof List<?> l && i instanceof Long n && n >= 0 && n < l.size()) {
      return Optional.of(l.get(n.intValue()));
    }
    return Optional.empty();
  }

  private static Optional<Object> call(HclAst.Call c, Scope s) {
    List<Optional<Object>> args = c.args().stream().map(a -> eval(a, s)).toList();
    String fn = c.name().toLowerCase(Locale.ROOT);
    if (fn.equals("try") || fn.equals("coalesce")) {
      return args.stream().flatMap(Optional::stream)
          .filter(v -> !fn.equals("coalesce") || !"".equals(v)).findFirst();
    }
    if (args.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    List<Object> a = args.stream().map(Optional::get).toList();
    return switch (fn) {
      case "lower" -> Optional.of(String.valueOf(a.getFirst()).toLowerCase(Locale.ROOT));
      case "upper" -> Optional.of(String.valueOf(a.getFirst()).toUpperCase(Locale.ROOT));
      case "tostring" -> Optional.of(String.valueOf(a.getFirst()));
      case "tobool" -> Values.asBool(a.getFirst()).map(b -> b);
      case "tolist", "toset" -> Optional.of(a.getFirst());
      case "join" -> a.size() == 2 && a.get(1) instanceof List<?> l
          ? Optional.of(String.join(String.valueOf(a.getFirst()),
              l.stream().map(String::valueOf).toList())) : Optional.empty();
      case "lookup" -> a.size() >= 2 && a.getFirst() instanceof Map<?, ?> m
          ? Optional.ofNullable(m.get(String.valueOf(a.get(1))))
              .or(() -> a.size() > 2 ? Optional.of(a.get(2)) : Optional.empty())
          : Optional.empty();
      case "length" -> a.getFirst() instanceof List<?> l ? Optional.of((long) l.size())
          : a.getFirst() instanceof Map<?, ?> m ? Optional.of((long) m.size())
          : Optional.of((long) String.valueOf(a.getFirst()).length());
      case "format" -> {
        String f = String.valueOf(a.getFirst());
        for (Object x : a.subList(1, a.size())) {
          f = f.replaceFirst("%[sdv]", java.util.regex.Matcher.quoteReplacement(String.valueOf(x)));
        }
        yield Optional.of(f);
      }
      default -> Optional.empty();
    };
  }

  private static Optional<Object> operation(HclAst.Operation o, Scope s) {
    List<Optional<Object>> v = o.operands().stream().map(x -> eval(x, s)).toList();
    return switch (o.op()) {
      case "?:" -> v.getFirst().flatMap(Values::asBool).flatMap(c -> c ? v.get(1) : v.get(2));
      case "!" -> v.getFirst().flatMap(Values::asBool).map(b -> !b);
      case "-" -> v.size() == 1
          ? v.getFirst().filter(Long.class::isInstance).map(x -> -(Long) x)
          : arith(v, (x, y) -> x - y);
      case "+" -> arith(v, Long::sum);
      case "*" -> arith(v, (x, y) -> x * y);
      case "==" -> both(v).map(p -> p.get(0).equals(p.get(1)));
      case "!=" -> both(v).map(p -> !p.get(0).equals(p.get(1)));
      case "&&" -> both(v).flatMap(p -> Values.asBool(p.get(0))
          .flatMap(x -> Values.asBool(p.get(1)).map(y -> x && y)));
      case "||" -> both(v).flatMap(p -> Values.asBool(p.get(0))
          .flatMap(x -> Values.asBool(p.get(1)).map(y -> x || y)));
      default -> Optional.empty();
    };
  }

  private static Optional<List<Object>> both(List<Optional<Object>> v) {
    return v.size() == 2 && v.get(0).isPresent() && v.get(1).isPresent()
        ? Optional.of(List.of(v.get(0).get(), v.get(1).get())) : Optional.empty();
  }

  private static Optional<Object> arith(List<Optional<Object>> v,
      java.util.function.LongBinaryOperator op) {
    return both(v).filter(p -> p.get(0) instanceof Long && p.get(1) instanceof Long)
        .map(p -> op.applyAsLong((Long) p.get(0), (Long) p.get(1)));
  }

  /**
   * Resource addresses an expression refers to ({@code azurerm_x.y}), following {@code var.*}
   * into the calling module and {@code local.*}; each address carries its module prefix.
   */
  static Set<String> references(Expr e, Scope s) {
    Set<String> out = new java.util.LinkedHashSet<>();
    collect(e, s, out, 0);
    return out;
  }

  private static void collect(Expr e, Scope s, Set<String> out, int depth) {
    if (depth > 20) {
      return;
    }
    switch (e) {
      case HclAst.Traversal t -> {
        String first = t.steps().isEmpty() || !(t.steps().getFirst() instanceof String n) ? ""
            : n;
        switch (t.root()) {
          case "var" -> Optional.ofNullable(s.vars.get(first))
              .ifPresent(b -> collect(b.expr(), b.scope(), out, depth + 1));
          case "local" -> Optional.ofNullable(s.locals.get(first))
              .ifPresent(x -> collect(x, s, out, depth + 1));
          case "data", "each", "count", "self", "path", "terraform", "module" -> { }
          default -> {
            if (!first.isEmpty()) {
              out.add(s.prefix + t.root() + "." + first);
            }
          }
        }
        t.steps().stream().filter(Expr.class::isInstance)
            .forEach(x -> collect((Expr) x, s, out, depth + 1));
      }
      case HclAst.Template t -> t.parts().stream().filter(Expr.class::isInstance)
          .forEach(x -> collect((Expr) x, s, out, depth + 1));
      case HclAst.Tuple t -> t.items().forEach(x -> collect(x, s, out, depth + 1));
      case HclAst.ObjectCons o -> o.items().forEach(x -> collect(x.getValue(), s, out, depth + 1));
      case HclAst.Call c -> c.args().forEach(x -> collect(x, s, out, depth + 1));
      case HclAst.Operation o -> o.operands().forEach(x -> collect(x, s, out, depth + 1));
      case HclAst.ForExpr f -> collect(f.collection(), s, out, depth + 1);
      case HclAst.Literal l -> { }
    }
  }
}
