package io.rampart.core.inventory;

import static io.rampart.core.inventory.InventorySql.select;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The writes of {@link JdbcInventoryStore#complete}, inside its transaction. */
final class RunWriter {
  private static final int BATCH = 500;

  private RunWriter() {}

  record Findings(int current, List<FindingRecord> added, List<FindingRecord> resolved) {}

  record AssetChanges(List<String> added, List<String> changed, List<String> reappeared,
      List<String> missing) {}

  private record Known(String digest, boolean missing, String scope) {}

  /** Stores the run's findings and the previous run's resolved ones, by fingerprint. */
  static Findings findings(Connection c, String runId, Optional<String> previous,
      List<FindingRecord> findings) throws SQLException {
    Map<String, FindingRecord> now = new LinkedHashMap<>();
    for (FindingRecord f : findings) {
      now.putIfAbsent(f.fingerprint(), f);
    }
    Map<String, FindingRecord> before = new LinkedHashMap<>();
    if (previous.isPresent()) {
      for (StoredFinding s : select(c, "SELECT " + InventorySql.FINDING_COLUMNS
              + " FROM findings WHERE assessment_id = ? AND status <> ?", InventorySql::finding,
          previous.get(), FindingStatus.RESOLVED.id())) {
        before.put(s.fingerprint(), s.finding());
      }
    }
    List<FindingRecord> added = new ArrayList<>();
    List<FindingRecord> resolved = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("INSERT INTO findings ("
        + InventorySql.FINDING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (Map.Entry<String, FindingRecord> e : now.entrySet()) {
        boolean isNew = !before.containsKey(e.getKey());
        if (isNew) {
          added.add(e.getValue());
        }
        pending = add(s, runId, e.getKey(), isNew ? FindingStatus.NEW : FindingStatus.OPEN,
            e.getValue(), pending);
      }
      for (Map.Entry<String, FindingRecord> e : before.entrySet()) {
        if (!now.containsKey(e.getKey())) {
          resolved.add(e.getValue());
          pending = add(s, runId, e.getKey(), FindingStatus.RESOLVED, e.getValue(), pending);
        }
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
    return new Findings(now.size(), added, resolved);
  }

  private static int add(PreparedStatement s, String runId, String fingerprint,
      FindingStatus status, FindingRecord f, int pending) throws SQLException {
    InventorySql.bind(s, runId, fingerprint, status.id(), f.rule(), f.severity().ordinal(),
        f.asset(), clip(f.title(), 1000), InventorySql.orNull(f.path().map(p -> clip(p, 2000))),
        f.line(), InventorySql.json(f.references()), f.score());
    s.addBatch();
    if (pending + 1 >= BATCH) {
      s.executeBatch();
      return 0;
    }
    return pending + 1;
  }

  /**
   * Inserts new assets, updates known ones (last seen, description, back from missing), marks
   * the scope's unseen assets missing and replaces the relationships of the assets seen.
   */
  static AssetChanges assets(Connection c, AssessmentRun run, RunInput input, Instant now)
      throws SQLException {
    Map<String, Known> known = new HashMap<>();
    for (Map.Entry<String, Known> e : select(c, "SELECT id, digest, missing, scope FROM assets",
        r -> Map.entry(r.getString(1), new Known(r.getString(2), r.getBoolean(3),
            r.getString(4))))) {
      known.put(e.getKey(), e.getValue());
    }
    Map<String, AssetRecord> seen = new LinkedHashMap<>();
    for (AssetRecord a : input.assets()) {
      seen.putIfAbsent(a.id(), a);
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> reappeared = new ArrayList<>();
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO assets (id, kind, type,"
            + " name, provider, location, owner_name, tags, source, properties, digest,"
            + " first_seen, last_seen, missing, missing_since, scope, last_assessment)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)");
        PreparedStatement updateRow = c.prepareStatement("UPDATE assets SET kind = ?, type = ?,"
            + " name = ?, provider = ?, location = ?, owner_name = ?, tags = ?, source = ?,"
            + " properties = ?, digest = ?, last_seen = ?, missing = FALSE,"
            + " missing_since = ?, scope = ?, last_assessment = ? WHERE id = ?")) {
      int inserts = 0;
      int updates = 0;
      for (AssetRecord a : seen.values()) {
        String digest = InventorySql.digest(a);
        Object[] described = {a.kind(), a.type(), clip(a.name(), 1000), a.provider(),
            InventorySql.orNull(a.location()), InventorySql.orNull(a.owner()),
            InventorySql.json(a.tags()), clip(a.source(), 2000),
            InventorySql.json(a.properties()), digest};
        Known k = known.get(a.id());
        if (k == null) {
          added.add(a.id());
          InventorySql.bind(insert, concat(new Object[] {a.id()}, described,
              new Object[] {now, now, InventorySql.NullTime.INSTANCE, run.scope(), run.id()}));
          insert.addBatch();
          inserts = flush(insert, inserts);
        } else {
          if (k.missing()) {
            reappeared.add(a.id());
          } else if (!k.digest().equals(digest)) {
            changed.add(a.id());
          }
          InventorySql.bind(updateRow, concat(described, new Object[] {now,
              InventorySql.NullTime.INSTANCE, run.scope(), run.id(), a.id()}));
          updateRow.addBatch();
          updates = flush(updateRow, updates);
        }
      }
      if (inserts > 0) {
        insert.executeBatch();
      }
      if (updates > 0) {
        updateRow.executeBatch();
      }
    }
    List<String> missing = new ArrayList<>();
    known.forEach((id, k) -> {
      if (!k.missing() && k.scope().equals(run.scope()) && !seen.containsKey(id)) {
        missing.add(id);
      }
    });
    missing.sort(null);
    try (PreparedStatement mark = c.prepareStatement(
        "UPDATE assets SET missing = TRUE, missing_since = ? WHERE id = ?")) {
      int pending = 0;
      for (String id : missing) {
        InventorySql.bind(mark, now, id);
        mark.addBatch();
        pending = flush(mark, pending);
      }
      if (pending > 0) {
        mark.executeBatch();
      }
    }
    links(c, seen.keySet(), input.links());
    return new AssetChanges(added, changed, reappeared, missing);
  }

  private static void links(Connection c, Set<String> seen, List<AssetLink> links)
      throws SQLException {
    // one keyed delete per asset: H2 re-ran an IN (SELECT ...) per row, which made a second
    // 10,000-asset run take minutes
    try (PreparedStatement delete = c.prepareStatement(
        "DELETE FROM asset_relationships WHERE from_id = ?")) {
      int pending = 0;
      for (String id : seen) {
        delete.setString(1, id);
        delete.addBatch();
        pending = flush(delete, pending);
      }
      if (pending > 0) {
        delete.executeBatch();
      }
    }
    Set<AssetLink> unique = new LinkedHashSet<>();
    for (AssetLink l : links) {
      if (seen.contains(l.from()) && seen.contains(l.to()) && !l.from().equals(l.to())) {
        unique.add(l);
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO asset_relationships (from_id, type, to_id) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (AssetLink l : unique) {
        InventorySql.bind(s, l.from(), l.type(), l.to());
        s.addBatch();
        pending = flush(s, pending);
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
  }

  private static int flush(PreparedStatement s, int pending) throws SQLException {
    if (pending + 1 >= BATCH) {
      s.executeBatch();
      return 0;
    }
    return pending + 1;
  }

  private static Object[] concat(Object[]... parts) {
    List<Object> out = new ArrayList<>();
    for (Object[] p : parts) {
      out.addAll(java.util.Arrays.asList(p));
    }
    return out.toArray();
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
