package io.rampart.posture;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.catalog.UnknownCatalogIdException;
import io.rampart.core.event.Severity;
import io.rampart.discovery.AssetKind;
import io.rampart.discovery.DiscoveryException;
import io.rampart.discovery.SourceRef;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses rule files and compiles each condition once. SnakeYAML's composer is used for exact
 * line numbers; every problem is a {@link RuleLoadException} naming file and line.
 */
final class RuleLoader {
  /** A rule with its compiled condition. */
  record Compiled(Rule rule, Program program) {}

  private static final Set<String> KEYS = Set.of("id", "severity", "title", "kinds", "when",
      "rationale", "remediation", "references", "recommendation", "entry", "evidence");
  // the one variable rules see: a map of asset fields (see RuleSet's Javadoc)
  static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("asset", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .setResultType(SimpleType.BOOL)
      .build();

  private RuleLoader() {}

  static List<Compiled> load(String file, String text, RiskCatalog catalog) {
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new RuleLoadException(file, line, "malformed YAML: " + e.getProblem()
          + " (expected: valid YAML)");
    } catch (YAMLException e) {
      throw new RuleLoadException(file, 0, "malformed YAML (expected: valid YAML)");
    }
    if (!(root instanceof MappingNode top) || !(value(top, "rules") instanceof SequenceNode list)) {
      throw new RuleLoadException(file, root == null ? 1 : line(root),
          "rules: missing (expected: a top-level 'rules:' list)");
    }
    List<Compiled> out = new ArrayList<>();
    for (Node item : list.getValue()) {
      out.add(rule(file, item, catalog));
    }
    return out;
  }

  private static Compiled rule(String file, Node node, RiskCatalog catalog) {
    if (!(node instanceof MappingNode m)) {
      throw new RuleLoadException(file, line(node), "rule: not a map (expected: id, severity, "
          + "title, kinds, when, rationale, remediation, references)");
    }
    for (NodeTuple t : m.getValue()) {
      String key = scalarText(t.getKeyNode()).orElse("");
      if (!KEYS.contains(key)) {
        throw new RuleLoadException(file, line(t.getKeyNode()), "rule: unknown key '" + key
            + "' (expected one of: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
    String id = required(file, m, "id");
    Severity severity;
    try {
      severity = Severity.parse(required(file, m, "severity"));
    } catch (IllegalArgumentException e) {
      throw new RuleLoadException(file, line(value(m, "severity")), id + ": " + e.getMessage());
    }
    Set<AssetKind> kinds = new LinkedHashSet<>();
    for (String k : strings(file, m, "kinds")) {
      try {
        kinds.add(AssetKind.parse(k));
      } catch (DiscoveryException e) {
        throw new RuleLoadException(file, line(value(m, "kinds")), id + ": " + e.getMessage());
      }
    }
    if (kinds.isEmpty()) {
      throw new RuleLoadException(file, line(m), id + ": kinds: empty (expected: asset kinds)");
    }
    List<String> refs = strings(file, m, "references");
    try {
      catalog.requireKnown(refs, file + ":" + line(value(m, "references")));
    } catch (UnknownCatalogIdException e) {
      throw new RuleLoadException(file, line(value(m, "references")), id + ": references: "
          + String.join(", ", e.ids()) + " (expected: IDs from the risk catalog)");
    }
    String when = required(file, m, "when");
    CelValidationResult compiled = CEL.compile(when);
    Program program;
    try {
      program = CEL.createProgram(compiled.getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new RuleLoadException(file, line(value(m, "when")), id + ": when: does not compile: "
          + compiled.getErrorString().lines().findFirst().orElse(e.getMessage())
          + " (expected: a CEL expression of type bool over 'asset')");
    }
    Rule rule = new Rule(id, severity, required(file, m, "title"),
        required(file, m, "rationale"), required(file, m, "remediation"), refs,
        optional(file, m, "recommendation"), kinds, when,
        optional(file, m, "entry").map(Boolean::parseBoolean).orElse(false),
        optional(file, m, "evidence"), new SourceRef(file, line(m)));
    return new Compiled(rule, program);
  }

  private static String required(String file, MappingNode m, String key) {
    return optional(file, m, key).filter(s -> !s.isBlank()).orElseThrow(() ->
        new RuleLoadException(file, line(m), key + ": missing (expected: a non-empty string)"));
  }

  private static Optional<String> optional(String file, MappingNode m, String key) {
    Node v = value(m, key);
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(scalarText(v).orElseThrow(() -> new RuleLoadException(file, line(v),
        key + ": not a single value (expected: a string)")).strip());
  }

  private static List<String> strings(String file, MappingNode m, String key) {
    Node v = value(m, key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof SequenceNode s)) {
      throw new RuleLoadException(file, line(v), key + ": not a list (expected: [a, b])");
    }
    List<String> out = new ArrayList<>();
    for (Node x : s.getValue()) {
      out.add(scalarText(x).orElseThrow(() -> new RuleLoadException(file, line(x),
          key + ": item is not a string (expected: strings)")));
    }
    return out;
  }

  private static @Nullable Node value(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (scalarText(t.getKeyNode()).filter(key::equals).isPresent()) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static Optional<String> scalarText(Node n) {
    return n instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  private static int line(@Nullable Node n) {
    return n == null ? 0 : n.getStartMark().getLine() + 1;
  }
}
