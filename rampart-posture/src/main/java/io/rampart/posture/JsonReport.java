package io.rampart.posture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.core.event.Severity;
import io.rampart.discovery.Asset;
import io.rampart.discovery.Relationship;
import io.rampart.discovery.ScanError;
import io.rampart.discovery.SourceRef;

/** {@code --format json}: {@code {"assets": [...], "findings": [...], ...}}. */
final class JsonReport {
  private JsonReport() {}

  static ObjectNode report(Assessment a) {
    ObjectNode root = Reports.JSON.createObjectNode();
    ArrayNode assets = root.putArray("assets");
    for (Asset x : a.inventory().assets()) {
      ObjectNode n = assets.addObject();
      n.put("id", x.id());
      n.put("kind", x.kind().id());
      n.put("type", x.type());
      n.put("name", x.name());
      n.put("provider", x.provider());
      x.location().ifPresent(l -> n.put("location", l));
      x.owner().ifPresent(o -> n.put("owner", o));
      n.set("tags", Reports.JSON.valueToTree(x.tags()));
      n.set("properties", Reports.JSON.valueToTree(x.properties()));
      n.set("source", location(x.source()));
      n.put("firstSeen", x.firstSeen().toString());
      n.put("lastSeen", x.lastSeen().toString());
      n.put("score", a.assetScores().getOrDefault(x.id(), 0.0));
    }
    ArrayNode rels = root.putArray("relationships");
    for (Relationship r : a.inventory().relationships()) {
      rels.addObject().put("from", r.from()).put("type", r.type().id()).put("to", r.to());
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : a.findings()) {
      ObjectNode n = findings.addObject();
      n.put("rule", f.rule());
      n.put("severity", f.severity().id());
      n.put("asset", f.asset());
      n.put("title", f.title());
      f.location().ifPresent(l -> n.set("location", location(l)));
      ArrayNode refs = n.putArray("references");
      f.references().forEach(refs::add);
      n.put("score", f.score());
    }
    ArrayNode paths = root.putArray("attackPaths");
    for (AttackPath p : a.attackPaths()) {
      ObjectNode n = paths.addObject();
      n.put("id", p.id()).put("title", p.title()).put("severity", p.severity().id())
          .put("score", p.score());
      p.assets().forEach(n.putArray("assets")::add);
      p.findings().forEach(n.putArray("findings")::add);
    }
    ArrayNode errors = root.putArray("errors");
    for (ScanError e : a.inventory().errors()) {
      ObjectNode n = errors.addObject().put("path", e.where().path());
      if (e.where().line() > 0) {
        n.put("line", e.where().line());
      }
      n.put("message", e.message());
    }
    ArrayNode ruleErrors = root.putArray("ruleErrors");
    a.ruleErrors().forEach(e -> ruleErrors.addObject().put("rule", e.rule())
        .put("assets", e.assets()).put("message", e.message()));
    ObjectNode summary = root.putObject("summary");
    summary.put("estateScore", a.estateScore());
    summary.put("assets", a.inventory().assets().size());
    summary.put("findings", a.findings().size());
    summary.put("attackPaths", a.attackPaths().size());
    ObjectNode by = summary.putObject("bySeverity");
    for (Severity s : Severity.values()) {
      by.put(s.id(), a.findings().stream().filter(f -> f.severity() == s).count());
    }
    return root;
  }

  static ObjectNode location(SourceRef s) {
    ObjectNode n = Reports.JSON.createObjectNode().put("path", s.path());
    if (s.line() > 0) {
      n.put("line", s.line());
    }
    return n;
  }
}
