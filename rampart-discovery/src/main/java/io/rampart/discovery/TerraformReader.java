package io.rampart.discovery;

import io.rampart.discovery.HclAst.Block;
import io.rampart.discovery.HclAst.Body;
import io.rampart.discovery.HclEval.Bound;
import io.rampart.discovery.HclEval.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Terraform configurations: every directory of {@code .tf} files is a module; local module
 * calls are followed with their arguments, variables take tfvars and defaults, and each resource
 * of a known type becomes an asset with edges from its references.
 */
final class TerraformReader {
  private static final int MAX_MODULE_DEPTH = 10;

  private record File(String path, Body body) {}

  private final Collector c;
  private final Relativizer rel;
  private final Map<Path, List<File>> parsed = new HashMap<>();

  TerraformReader(Collector c, Relativizer rel) {
    this.c = c;
    this.rel = rel;
  }

  /** Reads the given module directories; those called by another one are read only as modules. */
  void read(Set<Path> dirs) {
    Set<Path> called = new LinkedHashSet<>();
    for (Path d : dirs) {
      for (File f : files(d)) {
        for (Block m : f.body().blocks("module")) {
          localSource(d, m).ifPresent(called::add);
        }
      }
    }
    for (Path d : dirs) {
      if (!called.contains(d.toAbsolutePath().normalize())) {
        Scope root = new Scope("");
        tfvars(d, root);
        instantiate(d, root, rel.of(d), new ArrayList<>());
      }
    }
  }

  private void instantiate(Path dir, Scope scope, String rootId, List<Path> chain) {
    Path key = dir.toAbsolutePath().normalize();
    if (chain.contains(key) || chain.size() > MAX_MODULE_DEPTH) {
      c.error(rel.of(dir), 0, "module: calls itself through " + chain.size()
          + " modules (expected: no module cycles)");
      return;
    }
    chain.add(key);
    List<File> files = files(dir);
    for (File f : files) {
      for (Block v : f.body().blocks("variable")) {
        if (!v.labels().isEmpty() && !scope.vars.containsKey(v.labels().getFirst())) {
          v.body().attribute("default").ifPresent(
              a -> scope.vars.put(v.labels().getFirst(), new Bound(a.value(), scope)));
        }
      }
      for (Block l : f.body().blocks("locals")) {
        l.body().attributes().forEach((k, a) -> scope.locals.put(k, a.value()));
      }
    }
    for (File f : files) {
      for (Block r : f.body().blocks("resource")) {
        if (r.labels().size() == 2 && !countIsZero(r.body(), scope)) {
          resource(f.path(), r, scope, rootId);
        }
      }
      for (Block m : f.body().blocks("module")) {
        Optional<Path> src = localSource(dir, m);
        if (src.isEmpty() || m.labels().isEmpty() || countIsZero(m.body(), scope)) {
          continue; // registry and git modules are not fetched: offline by design
        }
        Scope child = new Scope(scope.prefix + "module." + m.labels().getFirst() + ".");
        m.body().attributes().forEach((k, a) -> child.vars.put(k, new Bound(a.value(), scope)));
        if (!Files.isDirectory(src.get())) {
          c.error(f.path(), m.line(), "module." + m.labels().getFirst() + ".source: "
              + rel.of(src.get()) + " (expected: an existing local directory)");
          continue;
        }
        instantiate(src.get(), child, rootId, chain);
      }
    }
    chain.removeLast();
  }

  private void resource(String path, Block r, Scope scope, String rootId) {
    String type = r.labels().get(0);
    Optional<TerraformResources.Mapping> mapping = TerraformResources.mapping(type);
    if (mapping.isEmpty()) {
      return;
    }
    String address = scope.prefix + type + "." + r.labels().get(1);
    String id = "tf:" + rootId + ":" + address;
    HclView view = new HclView(r.body(), scope);
    Map<String, Object> props = TerraformResources.properties(type, view);
    if (r.body().attribute("count").isPresent()) {
      props.put("instances", "count");
    } else if (r.body().attribute("for_each").isPresent()) {
      props.put("instances", "for_each");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    view.value("tags").ifPresent(
        t -> Values.map(t).forEach((k, v) -> tags.put(k, String.valueOf(v))));
    Optional<String> name = view.value("name").map(String::valueOf);
    c.add(id, mapping.get().kind(), type, name.orElse(address),
        mapping.get().provider(), TerraformResources.location(view), tags, props,
        new SourceRef(path, r.line()));
    mapping.get().edges().forEach((attr, relation) -> view.refs(attr)
        .forEach(target -> c.link(id, relation, "tf:" + rootId + ":" + target)));
  }

  private static boolean countIsZero(Body b, Scope s) {
    return b.attribute("count").flatMap(a -> HclEval.eval(a.value(), s))
        .map(v -> v instanceof Long n && n == 0).orElse(false);
  }

  private Optional<Path> localSource(Path dir, Block module) {
    return module.body().attribute("source")
        .flatMap(a -> HclEval.eval(a.value(), new Scope("")))
        .map(String::valueOf)
        .filter(s -> s.startsWith("./") || s.startsWith("../"))
        .map(s -> dir.resolve(s).toAbsolutePath().normalize());
  }

  private void tfvars(Path dir, Scope root) {
    try (var list = Files.list(dir)) {
      for (Path p : list.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.equals("terraform.tfvars") || n.endsWith(".auto.tfvars")) {
          parse(p).ifPresent(b -> b.attributes().forEach(
              (k, a) -> root.vars.put(k, new Bound(a.value(), root))));
        }
      }
    } catch (IOException e) {
      c.error(rel.of(dir), 0, "cannot list directory: " + e.getClass().getSimpleName());
    }
  }

  private List<File> files(Path dir) {
    return parsed.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
      List<File> out = new ArrayList<>();
      try (var list = Files.list(d)) {
        for (Path p : list.filter(x -> x.toString().endsWith(".tf")).sorted().toList()) {
          parse(p).ifPresent(b -> out.add(new File(rel.of(p), b)));
        }
      } catch (IOException e) {
        c.error(rel.of(d), 0, "cannot list directory: " + e.getClass().getSimpleName());
      }
      return out;
    });
  }

  private Optional<Body> parse(Path p) {
    try {
      return Optional.of(HclParser.parse(Files.readString(p)));
    } catch (ParseException e) {
      c.error(rel.of(p), e.line(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      c.error(rel.of(p), 0, FileErrors.describe(e));
    }
    return Optional.empty();
  }

  /** A resource body seen through {@link TerraformResources.View}; dynamic blocks count. */
  private record HclView(Body body, Scope scope) implements TerraformResources.View {
    @Override
    public Optional<Object> value(String path) {
      return locate(path).flatMap(a -> a instanceof HclAst.Attribute at
          ? HclEval.eval(at.value(), scope) : Optional.empty());
    }

    @Override
    public boolean present(String path) {
      return locate(path).isPresent();
    }

    @Override
    public Set<String> refs(String attr) {
      Set<String> out = new LinkedHashSet<>();
      locate(attr).ifPresent(x -> {
        if (x instanceof HclAst.Attribute a) {
          out.addAll(HclEval.references(a.value(), scope));
        } else if (x instanceof Body b) {
          b.attributes().values().forEach(a -> out.addAll(HclEval.references(a.value(), scope)));
        }
      });
      return out;
    }

    /** The attribute or block body at a dotted path. */
    private Optional<Object> locate(String path) {
      Body cur = body;
      String[] parts = path.split("\\.");
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        if (i == parts.length - 1 && cur.attributes().containsKey(part)) {
          return Optional.of(cur.attributes().get(part));
        }
        Optional<Body> next = block(cur, part);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        cur = next.get();
      }
      return Optional.of(cur);
    }

    private Optional<Body> block(Body b, String type) {
      List<Block> direct = b.blocks(type);
      if (!direct.isEmpty()) {
        return Optional.of(direct.getFirst().body());
      }
      // a dynamic block whose for_each is known to be empty generates nothing
      return b.blocks("dynamic").stream()
          .filter(d -> d.labels().equals(List.of(type)))
          .filter(d -> d.body().attribute("for_each")
              .flatMap(a -> HclEval.eval(a.value(), scope))
              .map(v -> !(v instanceof List<?> l && l.isEmpty()
                  || v instanceof java.util.Map<?, ?> m && m.isEmpty()))
              .orElse(true))
          .flatMap(d -> d.body().blocks("content").stream())
          .map(Block::body).findFirst();
    }
  }
}
