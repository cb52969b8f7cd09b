package io.rampart.discovery;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Reads a (multi-document) YAML stream into plain maps, lists and strings, remembering the line
 * of every map. SnakeYAML's composer is used for its exact marks; aliases are bounded.
 */
final class YamlDocs {
  private static final int MAX_NODES = 200_000;

  final List<Object> documents;
  private final Map<Object, Integer> lines;

  private YamlDocs(List<Object> documents, Map<Object, Integer> lines) {
    this.documents = documents;
    this.lines = lines;
  }

  static YamlDocs parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    Map<Object, Integer> lines = new IdentityHashMap<>();
    List<Object> docs = new ArrayList<>();
    int[] budget = {MAX_NODES};
    try {
      for (Node n : new Yaml(new SafeConstructor(options)).composeAll(new StringReader(text))) {
        if (n != null) {
          docs.add(convert(n, lines, budget, 0));
        }
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ParseException(line, "malformed YAML: " + e.getProblem()
          + " (expected: valid YAML)");
    } catch (YAMLException e) {
      throw new ParseException(0, "malformed YAML: " + e.getMessage().lines().findFirst()
          .orElse("") + " (expected: valid YAML)");
    }
    return new YamlDocs(docs, lines);
  }

  int line(Object node) {
    return lines.getOrDefault(node, 0);
  }

  private static Object convert(Node n, Map<Object, Integer> lines, int[] budget, int depth) {
    if (--budget[0] < 0 || depth > 100) {
      throw new ParseException(n.getStartMark().getLine() + 1,
          "malformed YAML: document too large or deep (expected: a Kubernetes manifest)");
    }
    return switch (n) {
      case MappingNode m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k) {
            out.put(k.getValue(), convert(t.getValueNode(), lines, budget, depth + 1));
          }
        }
        lines.put(out, m.getStartMark().getLine() + 1);
        yield out;
      }
      case SequenceNode s -> {
        List<Object> out = new ArrayList<>();
        for (Node x : s.getValue()) {
          out.add(convert(x, lines, budget, depth + 1));
        }
        yield out;
      }
      case ScalarNode s -> s.getValue();
      default -> "";
    };
  }
}
