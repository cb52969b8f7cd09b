package io.rampart.core.inventory;

import static io.rampart.core.inventory.InventorySql.select;
import static io.rampart.core.inventory.InventorySql.update;
import static java.util.Objects.requireNonNull;

import io.rampart.core.storage.Database;
import io.rampart.core.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * {@link InventoryStore} over the {@code assessments}, {@code assets}, {@code
 * asset_relationships} and {@code findings} tables (migration V2), on H2 or PostgreSQL.
 * Completing a run is one transaction, written with JDBC batches so a 10,000-asset run costs a
 * handful of round trips.
 */
public final class JdbcInventoryStore implements InventoryStore {
  private final DataSource dataSource;
  private final Clock clock;
  private final RandomGenerator random;
  private final InventoryReads reads;
  private String lastId = "";

  private JdbcInventoryStore(DataSource dataSource, Clock clock, RandomGenerator random) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
    this.reads = new InventoryReads(new InventoryReads.Runner() {
      @Override
      public <T> T run(String operation, Work<T> work) {
        return JdbcInventoryStore.this.run(operation, work);
      }
    });
  }

  public static JdbcInventoryStore create(Database database, Clock clock, RandomGenerator random) {
    requireNonNull(database, "database");
    return new JdbcInventoryStore(database.dataSource(), requireNonNull(clock, "clock"),
        requireNonNull(random, "random"));
  }

  @Override
  public AssessmentRun start(String scope, List<String> sources, String sourceKind) {
    requireNonNull(scope, "scope");
    requireNonNull(sources, "sources");
    requireNonNull(sourceKind, "sourceKind");
    if (scope.isBlank() || scope.length() > 200) {
      throw new IllegalArgumentException("scope: " + scope + " (expected: 1..200 characters)");
    }
    Instant now = now();
    String id;
    synchronized (random) {
      id = RunIds.next(now, random, lastId);
      lastId = id;
    }
    AssessmentRun run = new AssessmentRun(id, scope, AssessmentStatus.RUNNING, now,
        Optional.empty(), sources, sourceKind.isEmpty() ? Optional.empty() : Optional.of(sourceKind),
        AssessmentRun.Counts.NONE, Optional.empty());
    run("start", c -> update(c, "INSERT INTO assessments (" + InventorySql.RUN_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, NULL)",
        id, scope, AssessmentStatus.RUNNING.id(), now, InventorySql.NullTime.INSTANCE,
        InventorySql.json(sources), sourceKind.isEmpty() ? null : sourceKind));
    return run;
  }

  @Override
  public RunResult complete(String id, RunInput input) {
    requireNonNull(id, "id");
    requireNonNull(input, "input");
    Instant now = now();
    return run("complete", c -> {
      AssessmentRun running = requireRunning(c, id);
      Optional<String> previous = select(c, "SELECT id FROM assessments WHERE scope = ? AND"
              + " status = ? AND id < ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
          r -> r.getString(1), running.scope(), AssessmentStatus.SUCCEEDED.id(), id)
          .stream().findFirst();
      RunWriter.Findings findings = RunWriter.findings(c, id, previous, input.findings());
      RunWriter.AssetChanges assets = RunWriter.assets(c, running, input, now);
      AssessmentRun.Counts counts = new AssessmentRun.Counts(input.assets().size(),
          findings.current(), findings.added().size(), findings.resolved().size(),
          input.attackPaths(), input.errors(), input.estateScore());
      update(c, "UPDATE assessments SET status = ?, finished_at = ?, asset_count = ?,"
              + " finding_count = ?, new_count = ?, resolved_count = ?, attack_path_count = ?,"
              + " error_count = ?, estate_score = ? WHERE id = ?",
          AssessmentStatus.SUCCEEDED.id(), now, counts.assets(), counts.findings(),
          counts.newFindings(), counts.resolvedFindings(), counts.attackPaths(), counts.errors(),
          counts.estateScore(), id);
      AssessmentRun done = new AssessmentRun(id, running.scope(), AssessmentStatus.SUCCEEDED,
          running.started(), Optional.of(now), running.sources(), running.sourceKind(), counts,
          Optional.empty());
      return new RunResult(done, findings.added(), findings.resolved(), assets.added(),
          assets.changed(), assets.reappeared(), assets.missing());
    });
  }

  @Override
  public AssessmentRun fail(String id, String message) {
    requireNonNull(id, "id");
    requireNonNull(message, "message");
    String line = message.strip().lines().findFirst().orElse("failed");
    String shown = line.length() > 2000 ? line.substring(0, 2000) : line;
    Instant now = now();
    return run("fail", c -> {
      AssessmentRun running = requireRunning(c, id);
      update(c, "UPDATE assessments SET status = ?, finished_at = ?, message = ? WHERE id = ?",
          AssessmentStatus.FAILED.id(), now, shown, id);
      return new AssessmentRun(id, running.scope(), AssessmentStatus.FAILED, running.started(),
          Optional.of(now), running.sources(), running.sourceKind(), AssessmentRun.Counts.NONE,
          Optional.of(shown));
    });
  }

  @Override
  public int failRunningBefore(Instant before, String message) {
    requireNonNull(before, "before");
    requireNonNull(message, "message");
    Instant now = now();
    return run("failRunningBefore", c -> update(c, "UPDATE assessments SET status = ?,"
            + " finished_at = ?, message = ? WHERE status = ? AND started_at < ?",
        AssessmentStatus.FAILED.id(), now, message, AssessmentStatus.RUNNING.id(), before));
  }

  private static AssessmentRun requireRunning(Connection c, String id) throws SQLException {
    List<AssessmentRun> runs = select(c, "SELECT " + InventorySql.RUN_COLUMNS
        + " FROM assessments WHERE id = ?", InventorySql::run, id);
    if (runs.isEmpty() || runs.getFirst().status() != AssessmentStatus.RUNNING) {
      throw new IllegalArgumentException("assessment: " + id + " ("
          + (runs.isEmpty() ? "unknown" : runs.getFirst().status().id())
          + "; expected: a running assessment)");
    }
    return runs.getFirst();
  }

  @Override
  public Optional<AssessmentRun> assessment(String id) {
    return reads.assessment(requireNonNull(id, "id"));
  }

  @Override
  public Page<AssessmentRun> assessments(int limit, String cursor) {
    return reads.assessments(limit, requireNonNull(cursor, "cursor"));
  }

  @Override
  public Optional<AssessmentRun> latest(String scope) {
    return reads.latest(requireNonNull(scope, "scope"));
  }

  @Override
  public Page<AssetRecord> assets(AssetQuery query) {
    return reads.assets(requireNonNull(query, "query"));
  }

  @Override
  public Optional<AssetRecord> asset(String id) {
    return reads.asset(requireNonNull(id, "id"));
  }

  @Override
  public List<AssetLink> links(String assetId) {
    return reads.links(requireNonNull(assetId, "assetId"));
  }

  @Override
  public void forEachAsset(boolean includeMissing, Consumer<AssetRecord> sink) {
    reads.forEachAsset(includeMissing, requireNonNull(sink, "sink"));
  }

  @Override
  public List<AssetLink> links() {
    return reads.allLinks();
  }

  @Override
  public Page<StoredFinding> findings(FindingQuery query) {
    return reads.findings(requireNonNull(query, "query"));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction. */
  <T> T run(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("inventory: " + operation + " failed (" + e.getMessage() + ")",
          e);
    }
  }
}
