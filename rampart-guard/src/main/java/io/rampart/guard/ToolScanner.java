package io.rampart.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tool poisoning in an MCP {@code tools/list} result: hidden instructions and invisible
 * characters in names, descriptions and input schemas, and descriptions that steer the
 * assistant towards other tools.
 */
final class ToolScanner {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
  private static final Pattern HIDDEN_TAG =
      Pattern.compile("(?i)<\\s{0,3}/?\\s{0,3}(important|system|instructions?|secret|hidden|note|admin|critical)\\s{0,3}>");
  private static final Pattern STEERING =
      Pattern.compile(
          "(?i)\\b(?:before|after|prior to|instead of|when(?:ever)?)\\s{1,3}(?:using|calling|invoking|running|executing)\\b"
              + "|\\b(?:always|must|should|never)\\s{1,3}(?:first\\s{1,3})?(?:call|use|invoke|run|send)\\b");
  private static final int MAX_STRINGS = 2_000;
  private static final int MAX_DEPTH = 32;

  private final FastTier fast;

  ToolScanner(FastTier fast) {
    this.fast = fast;
  }

  /** Adds spans for every finding and returns the highest per-tool score. */
  double scan(JsonNode root, List<Span> spans) {
    JsonNode tools = root.isArray() ? root : root.path("tools");
    if (tools.isMissingNode() && root.has("result")) {
      tools = root.path("result").path("tools");
    }
    if (!tools.isArray()) {
      throw new GuardException("tools: " + root.getNodeType() + " (expected: a tools/list result with a tools array)");
    }
    List<String> names = new ArrayList<>();
    tools.forEach(t -> names.add(t.path("name").asText("").toLowerCase(Locale.ROOT)));
    double max = 0;
    for (int i = 0; i < tools.size(); i++) {
      JsonNode tool = tools.get(i);
      String prefix = "tools[" + i + "]";
      List<Signal> signals = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      String name = tool.path("name").asText("");
      if (!NAME.matcher(name).matches()) {
        add(signals, fields, prefix + ".name",
            new Signal("tool.name-suspicious", Category.TOOL_POISONING, 0.7, 0, name.length(), name));
      }
      int[] budget = {MAX_STRINGS};
      walk(tool, prefix, 0, budget, signals, fields, names, names.get(i));
      double keep = 1;
      for (Signal s : signals) {
        keep *= 1 - s.weight();
      }
      max = Math.max(max, 1 - keep);
      for (int k = 0; k < signals.size(); k++) {
        spans.add(signals.get(k).toSpan(fields.get(k)));
      }
    }
    return max;
  }

  private void walk(JsonNode node, String path, int depth, int[] budget, List<Signal> signals,
      List<String> fields, List<String> names, String self) {
    if (depth > MAX_DEPTH || budget[0] <= 0) {
      return;
    }
    if (node.isTextual()) {
      budget[0]--;
      text(node.asText(), path, signals, fields, names, self);
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        if (!NAME.matcher(key).matches()) {
          text(key, path + "{key}", signals, fields, names, self);
        }
        walk(e.getValue(), path + "." + key, depth + 1, budget, signals, fields, names, self);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", depth + 1, budget, signals, fields, names, self);
      }
    }
  }

  private void text(String s, String field, List<Signal> signals, List<String> fields,
      List<String> names, String self) {
    if (s.isBlank() || field.endsWith(".name") && NAME.matcher(s).matches()) {
      return;
    }
    FastTier.Result r = fast.analyse(s);
    for (Signal sig : r.signals()) {
      add(signals, fields, field, sig);
    }
    Matcher tag = HIDDEN_TAG.matcher(s);
    if (tag.find()) {
      add(signals, fields, field, new Signal("tool.hidden-tag", Category.TOOL_POISONING, 0.7,
          tag.start(), tag.end(), tag.group()));
    }
    Matcher steer = STEERING.matcher(s);
    boolean steering = steer.find();
    if (steering) {
      add(signals, fields, field, new Signal("tool.steering", Category.TOOL_POISONING, 0.3,
          steer.start(), steer.end(), steer.group()));
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (String other : names) {
      if (other.length() >= 4 && !other.equals(self)) {
        int at = lower.indexOf(other);
        if (at >= 0 && (steering || !r.signals().isEmpty())) {
          add(signals, fields, field, new Signal("tool.cross-reference", Category.TOOL_POISONING,
              0.6, at, at + other.length(), other));
          break;
        }
      }
    }
  }

  private static void add(List<Signal> signals, List<String> fields, String field, Signal s) {
    signals.add(s);
    fields.add(field);
  }
}
