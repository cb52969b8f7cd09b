package io.rampart.discovery;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code terraform show -json} output (plans and state) into assets. */
final class TerraformPlanReader {
  private TerraformPlanReader() {}

  static boolean detect(Object root) {
    return root instanceof Map<?, ?> m && m.containsKey("format_version")
        && (m.containsKey("planned_values") || m.containsKey("values"));
  }

  static void read(Collector c, JsonTree tree, String path) {
    Map<String, Object> root = Values.map(tree.root);
    Object module = Values.at(root, "planned_values.root_module")
        .or(() -> Values.at(root, "values.root_module")).orElse(Map.of());
    Map<String, Map<String, Object>> exprs = new HashMap<>();
    for (Object r : Values.list(Values.at(root, "configuration.root_module.resources")
        .orElse(List.of()))) {
      Values.string(r, "address").ifPresent(a -> exprs.put(a, Values.map(Values.map(r)
          .get("expressions"))));
    }
    walk(c, tree, path, module, exprs);
  }

  private static void walk(Collector c, JsonTree tree, String path, Object module,
      Map<String, Map<String, Object>> exprs) {
    for (Object r : Values.list(Values.map(module).get("resources"))) {
      if (!"managed".equals(Values.string(r, "mode").orElse("managed"))) {
        continue;
      }
      String type = Values.string(r, "type").orElse("");
      Optional<TerraformResources.Mapping> mapping = TerraformResources.mapping(type);
      Optional<String> address = Values.string(r, "address");
      if (mapping.isEmpty() || address.isEmpty()) {
        continue;
      }
      String addr = address.get().replaceAll("\\[[^]]*]$", "");
      String id = "tf:" + path + ":" + addr;
      PlanView view = new PlanView(Values.map(Values.map(r).get("values")),
          exprs.getOrDefault(addr, Map.of()));
      Map<String, String> tags = new LinkedHashMap<>();
      view.value("tags").ifPresent(t -> Values.map(t).forEach((k, v) -> tags.put(k,
          String.valueOf(v))));
      c.add(id, mapping.get().kind(), type, view.value("name").map(String::valueOf)
              .orElse(Values.string(r, "name").orElse(addr)), mapping.get().provider(),
          TerraformResources.location(view), tags, TerraformResources.properties(type, view),
          new SourceRef(path, tree.line(r)));
      mapping.get().edges().forEach((attr, relation) -> view.refs(attr)
          .forEach(target -> c.link(id, relation, "tf:" + path + ":" + target)));
    }
    for (Object child : Values.list(Values.map(module).get("child_modules"))) {
      walk(c, tree, path, child, exprs);
    }
  }

  /** Plan values: nested blocks are lists of objects; references come from configuration. */
  private record PlanView(Map<String, Object> values, Map<String, Object> exprs)
      implements TerraformResources.View {
    @Override
    public Optional<Object> value(String path) {
      Object cur = values;
      for (String part : path.split("\\.")) {
        if (cur instanceof List<?> l) {
          cur = l.isEmpty() ? null : l.getFirst();
        }
        if (!(cur instanceof Map<?, ?> m) || m.get(part) == null) {
          return Optional.empty();
        }
        cur = m.get(part);
      }
      return cur instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof Map
          ? Optional.of(l.getFirst()) : Optional.of(cur);
    }

    @Override
    public boolean present(String path) {
      return value(path).filter(v -> !(v instanceof List<?> l && l.isEmpty())).isPresent();
    }

    @Override
    public Set<String> refs(String attr) {
      Set<String> out = new LinkedHashSet<>();
      collect(exprs.get(attr), out);
      return out;
    }

    private static void collect(Object node, Set<String> out) {
      if (node instanceof Map<?, ?> m) {
        for (Object ref : Values.list(m.get("references"))) {
          String[] parts = String.valueOf(ref).split("\\.");
          int n = parts[0].equals("module") ? 4 : 2;
          if (parts.length >= n && !parts[0].equals("var") && !parts[0].equals("local")) {
            out.add(String.join(".", List.of(parts).subList(0, n)));
          }
        }
        m.values().forEach(v -> collect(v, out));
      } else if (node instanceof List<?> l) {
        l.forEach(v -> collect(v, out));
      }
    }
  }
}
