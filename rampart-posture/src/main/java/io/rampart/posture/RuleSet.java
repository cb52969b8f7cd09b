package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.catalog.RiskCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Posture rules, each with its CEL condition compiled once. Conditions see one variable,
 * {@code asset}: a map with {@code id}, {@code kind} (e.g. {@code ai_account}), {@code type},
 * {@code name}, {@code provider}, {@code location}, {@code tags}, {@code props} (the normalized
 * properties) and {@code links} (a list of {@code {type, direction, kind, id}} for its edges).
 */
public final class RuleSet {
  /** Built-in rule files under {@code rules/} in this module's resources. */
  static final List<String> BUILT_IN = List.of("rules/azure.yaml", "rules/kubernetes.yaml",
      "rules/code.yaml", "rules/cloud.yaml");

  // built-in rules compiled once per catalog: compiling ~50 CEL conditions dominates small scans
  private static volatile Map.@Nullable Entry<RiskCatalog, List<RuleLoader.Compiled>> builtInCache;

  private final List<RuleLoader.Compiled> compiled;

  private RuleSet(List<RuleLoader.Compiled> compiled) {
    this.compiled = List.copyOf(compiled);
  }

  /** The built-in rules. */
  public static RuleSet builtIn(RiskCatalog catalog) {
    return load(catalog, List.of());
  }

  /**
   * The built-in rules plus user rule files in the same format.
   *
   * @throws RuleLoadException naming file and line for a YAML error, a missing or unknown field,
   *     a condition that does not compile, an unknown catalog ID or a duplicate rule ID
   */
  public static RuleSet load(RiskCatalog catalog, List<Path> userFiles) {
    requireNonNull(catalog, "catalog");
    List<RuleLoader.Compiled> all = new ArrayList<>(compiledBuiltIns(catalog));
    for (Path p : userFiles) {
      String name = p.toString().replace('\\', '/');
      try {
        all.addAll(RuleLoader.load(name, Files.readString(p), catalog));
      } catch (IOException e) {
        throw new RuleLoadException(name, 0, "cannot read: " + e.getClass().getSimpleName());
      }
    }
    Map<String, RuleLoader.Compiled> seen = new HashMap<>();
    for (RuleLoader.Compiled c : all) {
      RuleLoader.Compiled prev = seen.putIfAbsent(c.rule().id(), c);
      if (prev != null) {
        throw new RuleLoadException(c.rule().where().path(), c.rule().where().line(),
            "id: " + c.rule().id() + " (expected: unique; already defined at "
                + prev.rule().where() + ")");
      }
    }
    return new RuleSet(all);
  }

  private static List<RuleLoader.Compiled> compiledBuiltIns(RiskCatalog catalog) {
    Map.Entry<RiskCatalog, List<RuleLoader.Compiled>> cached = builtInCache;
    if (cached != null && cached.getKey() == catalog) {
      return cached.getValue();
    }
    List<RuleLoader.Compiled> out = new ArrayList<>();
    for (String res : BUILT_IN) {
      try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(res)) {
        if (in == null) {
          throw new RuleLoadException(res, 0, "resource: missing (expected: on the classpath)");
        }
        out.addAll(RuleLoader.load(res, new String(in.readAllBytes(), StandardCharsets.UTF_8),
            catalog));
      } catch (IOException e) {
        throw new RuleLoadException(res, 0, "cannot read: " + e.getClass().getSimpleName());
      }
    }
    builtInCache = Map.entry(catalog, List.copyOf(out));
    return out;
  }

  public List<Rule> rules() {
    return compiled.stream().map(RuleLoader.Compiled::rule).toList();
  }

  List<RuleLoader.Compiled> compiled() {
    return compiled;
  }
}
