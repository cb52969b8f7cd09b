package io.rampart.server;

import io.rampart.core.inventory.AssessmentRun;
import io.rampart.core.inventory.AssetLink;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.StoredFinding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API's JSON shapes for the stored inventory: snake_case keys, ISO times. */
final class InventoryJson {
  private InventoryJson() {}

  /**
   * A URL-safe handle for an asset ID: IDs hold slashes (Azure resource IDs, file paths), which
   * cannot travel inside one path segment, so {@code /api/assets/{ref}} takes this form.
   */
  static String ref(String assetId) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(assetId.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<String> unref(String ref) {
    try {
      return Optional.of(new String(Base64.getUrlDecoder().decode(ref), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Map<String, Object> asset(AssetRecord a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("ref", ref(a.id()));
    m.put("kind", a.kind());
    m.put("type", a.type());
    m.put("name", a.name());
    m.put("provider", a.provider());
    m.put("location", a.location().orElse(null));
    m.put("owner", a.owner().orElse(null));
    m.put("tags", a.tags());
    m.put("source", a.source());
    m.put("first_seen", a.firstSeen().toString());
    m.put("last_seen", a.lastSeen().toString());
    m.put("missing", a.missing());
    m.put("missing_since", a.missingSince().map(Object::toString).orElse(null));
    m.put("properties", a.properties());
    return m;
  }

  static Map<String, Object> assetDetail(AssetRecord a, List<AssetLink> links) {
    Map<String, Object> m = asset(a);
    m.put("relationships", links.stream().map(l -> Map.of("from", l.from(), "type", l.type(),
        "to", l.to())).toList());
    return m;
  }

  static Map<String, Object> finding(StoredFinding s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fingerprint", s.fingerprint());
    m.put("assessment", s.assessment());
    m.put("status", s.status().id());
    m.put("rule", s.finding().rule());
    m.put("severity", s.finding().severity().id());
    m.put("asset", s.finding().asset());
    m.put("title", s.finding().title());
    Map<String, Object> location = new LinkedHashMap<>();
    s.finding().path().ifPresent(p -> location.put("path", p));
    if (s.finding().line() > 0) {
      location.put("line", s.finding().line());
    }
    m.put("location", location.isEmpty() ? null : location);
    m.put("references", s.finding().references());
    m.put("score", s.finding().score());
    return m;
  }

  static Map<String, Object> run(AssessmentRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("scope", r.scope());
    m.put("status", r.status().id());
    m.put("started", r.started().toString());
    m.put("finished", r.finished().map(Object::toString).orElse(null));
    m.put("sources", r.sources());
    m.put("source_kind", r.sourceKind().orElse(null));
    AssessmentRun.Counts c = r.counts();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("assets", c.assets());
    counts.put("findings", c.findings());
    counts.put("new_findings", c.newFindings());
    counts.put("resolved_findings", c.resolvedFindings());
    counts.put("attack_paths", c.attackPaths());
    counts.put("errors", c.errors());
    counts.put("estate_score", c.estateScore());
    m.put("counts", counts);
    m.put("message", r.message().orElse(null));
    return m;
  }
}
