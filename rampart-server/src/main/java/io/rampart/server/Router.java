package io.rampart.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Matches request paths against route templates; literal segments beat placeholders. */
final class Router {

  /** The outcome of matching one request. */
  sealed interface Match {}

  record Found(Route route, Map<String, String> params) implements Match {}

  record WrongMethod(String allowed) implements Match {}

  record NotFound() implements Match {}

  private record Compiled(Route route, List<String> segments) {}

  private final List<Compiled> routes = new ArrayList<>();

  Router(List<Route> routes) {
    Map<String, Route> seen = new HashMap<>();
    for (Route route : routes) {
      // {id} and {name} in the same position would be ambiguous, so compare shapes, not text
      String shape = route.method() + " " + route.path().replaceAll("\\{[^}]*}", "{}");
      Route previous = seen.putIfAbsent(shape, route);
      if (previous != null) {
        throw new IllegalArgumentException(
            "route: " + route.method() + " " + route.path()
                + " (expected: unique, but clashes with " + previous.path() + ")");
      }
      this.routes.add(new Compiled(route, Route.segmentsOf(route.path())));
    }
  }

  List<Route> routes() {
    return routes.stream().map(Compiled::route).toList();
  }

  Match match(String method, String path) {
    List<String> segments = splitPath(path);
    if (segments == null) {
      return new NotFound();
    }
    @Nullable Found best = null;
    int bestLiterals = -1;
    TreeSet<String> allowed = new TreeSet<>();
    for (Compiled c : routes) {
      Map<String, String> params = bind(c.segments(), segments);
      if (params == null) {
        continue;
      }
      if (!c.route().method().equals(method)) {
        allowed.add(c.route().method());
        continue;
      }
      int literals = c.segments().size() - params.size();
      if (literals > bestLiterals) {
        best = new Found(c.route(), Map.copyOf(params));
        bestLiterals = literals;
      }
    }
    if (best != null) {
      return best;
    }
    return allowed.isEmpty() ? new NotFound() : new WrongMethod(String.join(", ", allowed));
  }

  private static @Nullable List<String> splitPath(String path) {
    if (!path.startsWith("/")) {
      return null;
    }
    return path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
  }

  private static @Nullable Map<String, String> bind(List<String> template, List<String> actual) {
    if (template.size() != actual.size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      String a = actual.get(i);
      if (t.startsWith("{")) {
        if (a.isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), a);
      } else if (!t.equals(a)) {
        return null;
      }
    }
    return params;
  }
}
