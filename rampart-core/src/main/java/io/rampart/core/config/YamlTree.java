package io.rampart.core.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns YAML text into a {@link ConfigNode} tree. SnakeYAML's composer is used rather than
 * Jackson's streaming parser because its nodes carry exact marks and keep duplicate keys, which
 * this class reports instead of silently keeping the last one.
 */
final class YamlTree {
  // Aliases can multiply a small file into a huge tree ("billion laughs"); cap the expansion.
  private static final int MAX_NODES = 100_000;
  private static final int MAX_DEPTH = 100;
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private final BindContext context;
  private final Map<String, String> env;
  private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
  private int nodes;
  private boolean tooLarge;

  private YamlTree(BindContext context, Map<String, String> env) {
    this.context = context;
    this.env = env;
  }

  /** The document's root, or empty for an empty document or one that does not parse. */
  static Optional<ConfigNode> read(String yaml, Map<String, String> env, BindContext context) {
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      context.report(
          e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0, "", malformed(e));
      return Optional.empty();
    } catch (ReaderException e) {
      int line = (int) text.substring(0, Math.min(e.getPosition(), text.length())).lines().count();
      context.report(
          Math.max(line, 1),
          "",
          "malformed YAML: character 0x"
              + Integer.toHexString(e.getCodePoint())
              + " is not allowed (expected printable text)");
      return Optional.empty();
    } catch (YAMLException e) {
      context.report(0, "", "malformed YAML: " + oneLine(e.getMessage()));
      return Optional.empty();
    } catch (RuntimeException e) {
      // the contract is "ConfigException or a config": never let a parser bug escape as-is
      context.report(
          0, "", "malformed YAML (the parser failed with " + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    if (root == null) {
      return Optional.empty();
    }
    YamlTree tree = new YamlTree(context, env);
    ConfigNode result = tree.convert(root, "", root.getStartMark(), 0);
    // binding a truncated tree would only bury the real problem under follow-on errors
    return tree.tooLarge ? Optional.empty() : Optional.of(result);
  }

  private ConfigNode convert(Node node, String path, Mark at, int depth) {
    int line = at.getLine() + 1;
    int column = at.getColumn() + 1;
    if (++nodes > MAX_NODES) {
      if (!tooLarge) {
        tooLarge = true;
        context.report(
            line,
            path,
            "too large after expanding aliases (expected at most " + MAX_NODES + " values)");
      }
      return ConfigNode.empty(context, path, line, column);
    }
    if (depth > MAX_DEPTH) {
      context.report(line, path, "nested too deeply (expected at most " + MAX_DEPTH + " levels)");
      return ConfigNode.empty(context, path, line, column);
    }
    if (!ancestors.add(node)) {
      context.report(line, path, "recursive alias (expected an alias to a value outside itself)");
      return ConfigNode.empty(context, path, line, column);
    }
    try {
      return switch (node) {
        case MappingNode map -> convertMap(map, path, line, column, depth);
        case SequenceNode seq -> convertList(seq, path, line, column, depth);
        case ScalarNode scalar -> convertScalar(scalar, path, line, column);
        default -> ConfigNode.empty(context, path, line, column);
      };
    } finally {
      ancestors.remove(node);
    }
  }

  private ConfigNode convertMap(MappingNode map, String path, int line, int column, int depth) {
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Mark keyMark = tuple.getKeyNode().getStartMark();
      int keyLine = keyMark.getLine() + 1;
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        context.report(keyLine, path, "wrong type: a map or list as key (expected a plain key)");
        continue;
      }
      if (key.getTag().equals(Tag.MERGE)) {
        context.report(keyLine, path, "merge keys (<<) are not supported (expected plain keys)");
        continue;
      }
      String childPath = childPath(path, key.getValue());
      ConfigNode first = entries.get(key.getValue());
      if (first != null) {
        context.report(
            keyLine, childPath, "duplicate key (first defined on line " + first.line() + ")");
        continue;
      }
      entries.put(key.getValue(), convert(tuple.getValueNode(), childPath, keyMark, depth + 1));
    }
    return ConfigNode.map(context, path, line, column, entries);
  }

  private ConfigNode convertList(SequenceNode seq, String path, int line, int column, int depth) {
    List<ConfigNode> items = new ArrayList<>();
    List<Node> values = seq.getValue();
    for (int i = 0; i < values.size(); i++) {
      Node item = values.get(i);
      items.add(convert(item, path + "[" + i + "]", item.getStartMark(), depth + 1));
    }
    return ConfigNode.list(context, path, line, column, items);
  }

  private ConfigNode convertScalar(ScalarNode scalar, String path, int line, int column) {
    if (scalar.getTag().equals(Tag.NULL)) {
      return ConfigNode.empty(context, path, line, column);
    }
    Interpolator.Result result = Interpolator.expand(scalar.getValue(), env);
    result.problems().forEach(problem -> context.report(line, path, problem));
    return ConfigNode.scalar(
        context, path, line, column, result.value(), !result.problems().isEmpty());
  }

  /** {@code parent.key}, or {@code parent["odd key"]} when the key is not a plain word. */
  static String childPath(String parent, String key) {
    if (PLAIN_KEY.matcher(key).matches() && key.length() <= 80) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    StringBuilder quoted = new StringBuilder(parent).append("[\"");
    key.codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || c == '"'
                  || c == '\\'
                  || c == 0x2028
                  || c == 0x2029) {
                quoted.append(String.format("\\u%04x", c));
              } else {
                quoted.appendCodePoint(c);
              }
            });
    return quoted.append(key.codePointCount(0, key.length()) > 80 ? "...\"]" : "\"]").toString();
  }

  private static String malformed(MarkedYAMLException e) {
    Mark mark = e.getProblemMark();
    StringBuilder out = new StringBuilder("malformed YAML");
    if (mark != null) {
      out.append(" at column ").append(mark.getColumn() + 1);
    }
    out.append(": ").append(oneLine(e.getProblem()));
    Mark contextMark = e.getContextMark();
    if (e.getContext() != null) {
      out.append(" (").append(oneLine(e.getContext()));
      if (contextMark != null && (mark == null || contextMark.getLine() != mark.getLine())) {
        out.append(" started on line ").append(contextMark.getLine() + 1);
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String oneLine(@Nullable String text) {
    return text == null ? "invalid document" : BindContext.oneLine(text);
  }
}
