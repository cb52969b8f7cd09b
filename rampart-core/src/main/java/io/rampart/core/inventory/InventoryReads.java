package io.rampart.core.inventory;

import static io.rampart.core.inventory.InventorySql.select;

import io.rampart.core.event.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The queries of {@link JdbcInventoryStore}: keyset pagination with opaque cursors. */
final class InventoryReads {
  interface Runner {
    <T> T run(String operation, JdbcInventoryStore.Work<T> work);
  }

  private final Runner db;

  InventoryReads(Runner db) {
    this.db = db;
  }

  Optional<AssessmentRun> assessment(String id) {
    if (!RunIds.valid(id)) {
      return Optional.empty();
    }
    return db.run("assessment", c -> select(c, "SELECT " + InventorySql.RUN_COLUMNS
        + " FROM assessments WHERE id = ?", InventorySql::run, id).stream().findFirst());
  }

  Optional<AssessmentRun> latest(String scope) {
    return db.run("latest", c -> select(c, "SELECT " + InventorySql.RUN_COLUMNS
            + " FROM assessments WHERE scope = ? AND status = ? ORDER BY id DESC"
            + " FETCH FIRST 1 ROWS ONLY", InventorySql::run, scope,
        AssessmentStatus.SUCCEEDED.id()).stream().findFirst());
  }

  Page<AssessmentRun> assessments(int limit, String cursor) {
    checkLimit(limit);
    List<Object> params = new ArrayList<>();
    String where = "1 = 1";
    if (!cursor.isEmpty()) {
      where = "id < ?";
      params.add(PageCursor.decode(cursor, 1, "r").getFirst());
    }
    params.add(limit + 1);
    String sql = "SELECT " + InventorySql.RUN_COLUMNS + " FROM assessments WHERE " + where
        + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
    List<AssessmentRun> rows = db.run("assessments",
        c -> select(c, sql, InventorySql::run, params.toArray()));
    return page(rows, limit, r -> List.of(r.id()), "r");
  }

  Page<AssetRecord> assets(AssetQuery q) {
    StringBuilder where = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    q.kind().ifPresent(k -> {
      where.append(" AND kind = ?");
      params.add(k);
    });
    q.provider().ifPresent(p -> {
      where.append(" AND provider = ?");
      params.add(p);
    });
    if (!q.includeMissing()) {
      where.append(" AND missing = FALSE");
    }
    if (q.cursor().isPresent()) {
      where.append(" AND id > ?");
      params.add(PageCursor.decode(q.cursor().get(), 1, q.filters()).getFirst());
    }
    params.add(q.limit() + 1);
    String sql = "SELECT " + InventorySql.ASSET_COLUMNS + " FROM assets WHERE " + where
        + " ORDER BY id FETCH FIRST ? ROWS ONLY";
    List<AssetRecord> rows = db.run("assets",
        c -> select(c, sql, InventorySql::asset, params.toArray()));
    return page(rows, q.limit(), a -> List.of(a.id()), q.filters());
  }

  Optional<AssetRecord> asset(String id) {
    return db.run("asset", c -> select(c, "SELECT " + InventorySql.ASSET_COLUMNS
        + " FROM assets WHERE id = ?", InventorySql::asset, id).stream().findFirst());
  }

  List<AssetLink> links(String assetId) {
    return db.run("links", c -> select(c, "SELECT from_id, type, to_id FROM asset_relationships"
            + " WHERE from_id = ? OR to_id = ? ORDER BY from_id, type, to_id",
        InventoryReads::link, assetId, assetId));
  }

  List<AssetLink> allLinks() {
    return db.run("links", c -> select(c, "SELECT from_id, type, to_id FROM asset_relationships"
        + " ORDER BY from_id, type, to_id", InventoryReads::link));
  }

  void forEachAsset(boolean includeMissing, Consumer<AssetRecord> sink) {
    db.run("export", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + InventorySql.ASSET_COLUMNS
          + " FROM assets" + (includeMissing ? "" : " WHERE missing = FALSE") + " ORDER BY id")) {
        s.setFetchSize(500); // PostgreSQL streams only with a fetch size inside a transaction
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            sink.accept(InventorySql.asset(rows));
          }
        }
      }
      return null;
    });
  }

  Page<StoredFinding> findings(FindingQuery q) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (q.assessment().isPresent()) {
      where.append("assessment_id = ?");
      params.add(q.assessment().get());
    } else {
      // the current state: the latest succeeded run of every scope
      where.append("assessment_id IN (SELECT MAX(id) FROM assessments WHERE status = ?"
          + " GROUP BY scope)");
      params.add(AssessmentStatus.SUCCEEDED.id());
    }
    if (!q.severities().isEmpty()) {
      where.append(" AND severity IN (").append(marks(q.severities().size())).append(')');
      q.severities().stream().map(Severity::ordinal).sorted().forEach(params::add);
    }
    q.rule().ifPresent(r -> {
      where.append(" AND rule_id = ?");
      params.add(r);
    });
    q.asset().ifPresent(a -> {
      where.append(" AND asset_id = ?");
      params.add(a);
    });
    List<String> statuses = q.statuses().isEmpty()
        ? List.of(FindingStatus.NEW.id(), FindingStatus.OPEN.id())
        : q.statuses().stream().map(FindingStatus::id).sorted().toList();
    where.append(" AND status IN (").append(marks(statuses.size())).append(')');
    params.addAll(statuses);
    if (q.cursor().isPresent()) {
      // order: severity DESC, assessment_id DESC, fingerprint ASC
      List<String> key = PageCursor.decode(q.cursor().get(), 3, q.filters());
      int severity = parseSeverity(q.cursor().get(), key.get(0));
      where.append(" AND (severity < ? OR (severity = ? AND (assessment_id < ?"
          + " OR (assessment_id = ? AND fingerprint > ?))))");
      params.addAll(List.of(severity, severity, key.get(1), key.get(1), key.get(2)));
    }
    params.add(q.limit() + 1);
    String sql = "SELECT " + InventorySql.FINDING_COLUMNS + " FROM findings WHERE " + where
        + " ORDER BY severity DESC, assessment_id DESC, fingerprint FETCH FIRST ? ROWS ONLY";
    List<StoredFinding> rows = db.run("findings",
        c -> select(c, sql, InventorySql::finding, params.toArray()));
    return page(rows, q.limit(), f -> List.of(String.valueOf(f.finding().severity().ordinal()),
        f.assessment(), f.fingerprint()), q.filters());
  }

  private static int parseSeverity(String cursor, String text) {
    try {
      int s = Integer.parseInt(text);
      if (s >= 0 && s < Severity.values().length) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("cursor: " + cursor
        + " (expected: a cursor from a previous page)");
  }

  private static AssetLink link(ResultSet r) throws java.sql.SQLException {
    return new AssetLink(r.getString(1), r.getString(2), r.getString(3));
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: 1..1000)");
    }
  }

  private static <T> Page<T> page(List<T> rows, int limit,
      java.util.function.Function<T, List<String>> key, String filters) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, Optional.of(PageCursor.encode(key.apply(items.getLast()), filters)));
  }
}
