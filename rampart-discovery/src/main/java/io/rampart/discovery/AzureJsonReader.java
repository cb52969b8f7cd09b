package io.rampart.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Azure JSON exports: {@code az graph query} output ({@code {"data": [...]}}), {@code az
 * resource list} output (an array) and ARM templates / {@code az group export} files.
 */
final class AzureJsonReader {
  private AzureJsonReader() {}

  /** Which Azure shape {@code root} has, if any. */
  static Optional<SourceKind> detect(Object root) {
    if (root instanceof Map<?, ?> m) {
      if (m.get("resources") instanceof List<?> && (m.containsKey("$schema")
          || m.containsKey("contentVersion"))) {
        return Optional.of(SourceKind.ARM);
      }
      if (m.get("data") instanceof List<?> l && looksLikeResources(l)) {
        return Optional.of(SourceKind.ARG_JSON);
      }
    }
    if (root instanceof List<?> l && !l.isEmpty() && looksLikeResources(l)) {
      return Optional.of(SourceKind.ARG_JSON);
    }
    return Optional.empty();
  }

  private static boolean looksLikeResources(List<?> l) {
    return l.isEmpty() || l.getFirst() instanceof Map<?, ?> first
        && first.get("id") instanceof String id && id.toLowerCase(Locale.ROOT)
            .startsWith("/subscriptions/") && first.containsKey("type");
  }

  /** Reads resource-graph rows or {@code az resource list} entries. */
  static void readResourceList(Collector c, JsonTree tree, String path) {
    List<Object> rows = tree.root instanceof List<?> l
        ? Values.list(l) : Values.list(Values.map(tree.root).get("data"));
    for (Object row : rows) {
      Map<String, Object> r = Values.map(row);
      Optional<String> id = Values.string(r, "id").map(s -> s.toLowerCase(Locale.ROOT));
      if (id.isEmpty()) {
        c.error(path, tree.line(row), "resource: no id (expected: an Azure resource ID)");
        continue;
      }
      AzureResources.add(c, r, id.get(), AzureResources.parentOf(id.get()),
          new SourceRef(path, tree.line(row)));
    }
  }

  /** Reads an ARM template, evaluating the simple expressions that name resources. */
  static void readTemplate(Collector c, JsonTree tree, String path) {
    Map<String, Object> root = Values.map(tree.root);
    ArmExpressions expr = new ArmExpressions(path, Values.map(root.get("parameters")),
        Values.map(root.get("variables")));
    resources(c, tree, path, expr, Values.list(root.get("resources")), Optional.empty(), "", "");
  }

  private static void resources(Collector c, JsonTree tree, String path, ArmExpressions expr,
      List<Object> list, Optional<String> parentId, String parentType, String parentName) {
    for (Object o : list) {
      Map<String, Object> r = Values.map(o);
      int line = tree.line(o);
      Optional<String> type = Values.string(r, "type").flatMap(expr::eval);
      Optional<String> name = Values.string(r, "name").flatMap(expr::eval);
      if (type.isEmpty() || name.isEmpty()) {
        c.error(path, line, "resource: type or name missing or not evaluable (expected: strings)");
        continue;
      }
      String fullType = parentType.isEmpty() || type.get().contains("/")
          ? type.get() : parentType + "/" + type.get();
      String fullName = parentName.isEmpty() || type.get().contains("/")
          ? name.get() : parentName + "/" + name.get();
      String id = expr.resourceId(fullType, fullName);
      Map<String, Object> resolved = expr.resolveDeep(r);
      resolved.put("type", fullType);
      resolved.put("name", fullName.substring(fullName.lastIndexOf('/') + 1));
      Optional<String> parent = parentId.or(() -> armParent(expr, fullType, fullName));
      AzureResources.add(c, resolved, id, parent, new SourceRef(path, line));
      resources(c, tree, path, expr, Values.list(r.get("resources")), Optional.of(id), fullType,
          fullName);
    }
  }

  /** Parent of a top-level child such as {@code accounts/deployments} named {@code a/d}. */
  private static Optional<String> armParent(ArmExpressions expr, String type, String name) {
    int providers = type.toLowerCase(Locale.ROOT).indexOf("/providers/");
    if (providers > 0) {
      // extension resource written as a child: Microsoft.X/y/providers/diagnosticSettings
      return Optional.of(expr.resourceId(type.substring(0, providers), name.split("/")[0]));
    }
    String[] t = type.split("/");
    String[] n = name.split("/");
    if (t.length < 3 || n.length < 2) {
      return Optional.empty();
    }
    return Optional.of(expr.resourceId(String.join("/", List.of(t).subList(0, t.length - 1)),
        String.join("/", List.of(n).subList(0, n.length - 1))));
  }
}
