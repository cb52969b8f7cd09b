package io.rampart.posture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.core.event.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, every rule in the driver with a
 * {@code security-severity}, results with a physical location and a stable fingerprint.
 */
final class SarifReport {
  private SarifReport() {}

  static ObjectNode report(Assessment a, RuleSet rules) {
    ObjectNode root = Reports.JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Rampart");
    driver.put("semanticVersion", "0.1.0");
    ArrayNode ruleNodes = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (Rule r : rules.rules()) {
      index.put(r.id(), index.size());
      ObjectNode n = ruleNodes.addObject();
      n.put("id", r.id());
      n.put("name", name(r.id()));
      n.putObject("shortDescription").put("text", r.title());
      n.putObject("fullDescription").put("text", r.rationale());
      String help = r.remediation() + r.recommendation().map(x -> " Cloud recommendation: " + x)
          .orElse("") + " References: " + String.join(", ", r.references()) + ".";
      n.putObject("help").put("text", help).put("markdown", "**Fix:** " + help);
      n.putObject("defaultConfiguration").put("level", level(r.severity()));
      ObjectNode props = n.putObject("properties");
      ArrayNode tags = props.putArray("tags");
      tags.add("security");
      r.references().forEach(tags::add);
      props.put("security-severity", String.format(Locale.ROOT, "%.1f",
          Scoring.base(r.severity())));
      props.put("precision", "high");
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : a.findings()) {
      ObjectNode n = results.addObject();
      n.put("ruleId", f.rule());
      n.put("ruleIndex", index.getOrDefault(f.rule(), 0));
      n.put("level", level(f.severity()));
      n.putObject("message").put("text", f.title() + " (asset " + f.asset() + ", risk "
          + f.score() + ")");
      f.location().ifPresent(l -> {
        ObjectNode phys = n.putArray("locations").addObject().putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", l.path());
        phys.putObject("region").put("startLine", Math.max(1, l.line()));
      });
      n.putObject("partialFingerprints").put("rampartFinding/v1",
          Integer.toHexString((f.rule() + "|" + f.asset()).hashCode()));
      n.putObject("properties").put("asset", f.asset()).put("score", f.score());
    }
    return root;
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }

  /** {@code azure.ai.local-auth-enabled} -> {@code AzureAiLocalAuthEnabled}. */
  private static String name(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : List.of(id.split("[.\\-]"))) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }
}
