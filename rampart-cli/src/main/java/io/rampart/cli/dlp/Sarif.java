package io.rampart.cli.dlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.dlp.StreamFinding;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** SARIF 2.1.0 output: one rule per finding type, one result per finding, no values. */
final class Sarif {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sarif() {}

  static ObjectNode report(List<FileScan.Result> results) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "rampart-dlp");
    Set<String> types = new TreeSet<>();
    results.forEach(r -> r.findings().forEach(f -> types.add(f.type())));
    ArrayNode rules = driver.putArray("rules");
    types.forEach(t -> rules.addObject().put("id", t)
        .putObject("shortDescription").put("text", "Sensitive data: " + t));
    ArrayNode out = run.putArray("results");
    for (FileScan.Result r : results) {
      for (StreamFinding f : r.findings()) {
        ObjectNode res = out.addObject();
        res.put("ruleId", f.type());
        res.put("level", switch (f.confidence()) {
          case HIGH -> "error";
          case MEDIUM -> "warning";
          case LOW -> "note";
        });
        res.putObject("message").put("text", f.type() + " (" + f.confidence().id() + ", score "
            + f.score() + ")");
        ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
        loc.putObject("artifactLocation").put("uri", r.path().toString());
        ObjectNode region = loc.putObject("region");
        region.put("charOffset", f.codePointStart());
        region.put("charLength", f.codePointEnd() - f.codePointStart());
      }
    }
    return root;
  }
}
