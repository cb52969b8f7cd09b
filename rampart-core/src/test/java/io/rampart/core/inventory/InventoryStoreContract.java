package io.rampart.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.event.Severity;
import io.rampart.core.storage.Backend;
import io.rampart.core.storage.Database;
import io.rampart.core.storage.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The {@link JdbcInventoryStore} contract, run once per {@link Backend} by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InventoryStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private Database db;
  private TestClock clock;
  private JdbcInventoryStore store;

  abstract Backend backend();

  @BeforeAll
  void openDatabase(@TempDir Path dir) {
    db = backend().open(dir);
  }

  @AfterAll
  void closeDatabase() {
    db.close();
  }

  @BeforeEach
  void openStore() {
    Backend.clear(db);
    clock = TestClock.at(T0.toString());
    store = JdbcInventoryStore.create(db, clock, new Random(3));
  }

  static AssetRecord asset(String id, String kind, Map<String, Object> properties) {
    return AssetRecord.observed(id, kind, "Test/type", id.substring(id.lastIndexOf('/') + 1),
        "azure", Optional.of("westeurope"), Map.of("owner", "team-ai"), properties,
        "estate.json:" + 3, Instant.EPOCH);
  }

  static FindingRecord finding(String rule, String asset, Severity severity) {
    return new FindingRecord(rule, severity, asset, "title of " + rule,
        Optional.of("estate.json"), 3, List.of("LLM02"), 7.5);
  }

  private RunResult run(String scope, List<AssetRecord> assets, List<AssetLink> links,
      List<FindingRecord> findings) {
    clock.advance(Duration.ofMinutes(10));
    AssessmentRun started = store.start(scope, List.of("estate.json"), "");
    clock.advance(Duration.ofSeconds(5));
    return store.complete(started.id(), new RunInput(assets, links, findings, 1, 0, 42));
  }

  @Test
  void firstRunStoresAssetsLinksAndFindingsAllNew() {
    AssetRecord account = asset("/sub/acct", "ai_account", Map.of("publicNetworkAccess", true,
        "nested", Map.of("a", List.of(1, "x"))));
    AssetRecord deployment = asset("/sub/acct/dep", "model_deployment", Map.of("model", "gpt-4o"));
    RunResult r = run("nightly", List.of(account, deployment),
        List.of(new AssetLink("/sub/acct/dep", "part_of", "/sub/acct"),
            new AssetLink("/sub/acct/dep", "uses", "/not/seen")),
        List.of(finding("azure.ai.local-auth-enabled", "/sub/acct", Severity.HIGH)));

    assertThat(r.run().status()).isEqualTo(AssessmentStatus.SUCCEEDED);
    assertThat(r.run().counts()).isEqualTo(new AssessmentRun.Counts(2, 1, 1, 0, 1, 0, 42));
    assertThat(r.added()).containsExactly("/sub/acct", "/sub/acct/dep");
    assertThat(r.newFindings()).extracting(FindingRecord::rule)
        .containsExactly("azure.ai.local-auth-enabled");
    AssetRecord stored = store.asset("/sub/acct").orElseThrow();
    assertThat(stored.properties()).isEqualTo(account.properties());
    assertThat(stored.owner()).contains("team-ai");
    assertThat(stored.firstSeen()).isEqualTo(r.run().finished().orElseThrow());
    assertThat(stored.missing()).isFalse();
    // the edge to an asset that was never seen is dropped
    assertThat(store.links("/sub/acct/dep"))
        .containsExactly(new AssetLink("/sub/acct/dep", "part_of", "/sub/acct"));
    assertThat(store.findings(FindingQuery.builder().build()).items())
        .extracting(StoredFinding::status, f -> f.finding().asset())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingStatus.NEW, "/sub/acct"));
    assertThat(store.assessment(r.run().id())).contains(r.run());
  }

  @Test
  void secondRunComputesNewOpenAndResolvedByFingerprintAndMarksMissingAssets() {
    AssetRecord a = asset("/sub/a", "ai_account", Map.of("x", 1));
    AssetRecord b = asset("/sub/b", "ai_account", Map.of("x", 1));
    RunResult first = run("nightly", List.of(a, b), List.of(), List.of(
        finding("r.one", "/sub/a", Severity.HIGH), finding("r.two", "/sub/b", Severity.LOW)));
    AssetRecord aChanged = asset("/sub/a", "ai_account", Map.of("x", 2));
    AssetRecord c = asset("/sub/c", "search_service", Map.of());
    // same rule and asset at another line is the same finding
    FindingRecord moved = new FindingRecord("r.one", Severity.HIGH, "/sub/a", "t",
        Optional.of("estate.json"), 99, List.of(), 7.5);
    RunResult second = run("nightly", List.of(aChanged, c), List.of(),
        List.of(moved, finding("r.three", "/sub/c", Severity.CRITICAL)));

    assertThat(second.newFindings()).extracting(FindingRecord::rule).containsExactly("r.three");
    assertThat(second.resolvedFindings()).extracting(FindingRecord::rule)
        .containsExactly("r.two");
    assertThat(second.run().counts().newFindings()).isEqualTo(1);
    assertThat(second.run().counts().resolvedFindings()).isEqualTo(1);
    assertThat(second.added()).containsExactly("/sub/c");
    assertThat(second.changed()).containsExactly("/sub/a");
    assertThat(second.missing()).containsExactly("/sub/b");
    AssetRecord gone = store.asset("/sub/b").orElseThrow();
    assertThat(gone.missingSince()).contains(second.run().finished().orElseThrow());
    assertThat(gone.lastSeen()).isEqualTo(first.run().finished().orElseThrow());
    assertThat(store.asset("/sub/a").orElseThrow().firstSeen())
        .isEqualTo(first.run().finished().orElseThrow());

    String id = second.run().id();
    assertThat(statuses(FindingQuery.builder().assessment(id).status(FindingStatus.RESOLVED)))
        .containsExactly("r.two");
    assertThat(statuses(FindingQuery.builder().assessment(id).status(FindingStatus.OPEN)))
        .containsExactly("r.one");
    // default: unresolved findings of the latest run, most severe first
    assertThat(statuses(FindingQuery.builder())).containsExactly("r.three", "r.one");
    assertThat(store.assets(AssetQuery.builder().build()).items()).extracting(AssetRecord::id)
        .containsExactly("/sub/a", "/sub/c");
    assertThat(store.assets(AssetQuery.builder().includeMissing(true).build()).items())
        .extracting(AssetRecord::id).containsExactly("/sub/a", "/sub/b", "/sub/c");

    RunResult third = run("nightly", List.of(aChanged, b, c), List.of(), List.of());
    assertThat(third.reappeared()).containsExactly("/sub/b");
    assertThat(third.changed()).isEmpty();
    assertThat(third.resolvedFindings()).extracting(FindingRecord::rule)
        .containsExactlyInAnyOrder("r.one", "r.three");
    assertThat(store.asset("/sub/b").orElseThrow().missing()).isFalse();
  }

  @Test
  void scopesAreComparedOnlyWithThemselves() {
    run("terraform", List.of(asset("/tf/a", "ai_account", Map.of())), List.of(),
        List.of(finding("r.one", "/tf/a", Severity.HIGH)));
    RunResult k8s = run("k8s", List.of(asset("/k8s/b", "model_server", Map.of())), List.of(),
        List.of(finding("r.two", "/k8s/b", Severity.MEDIUM)));

    assertThat(k8s.missing()).isEmpty();
    assertThat(k8s.resolvedFindings()).isEmpty();
    assertThat(statuses(FindingQuery.builder())).containsExactly("r.one", "r.two");
    assertThat(store.latest("terraform")).isPresent();
  }

  @Test
  void assetPagesFollowCursorsAndFilters() {
    List<AssetRecord> many = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add(asset(String.format("/sub/a%02d", i), i % 2 == 0 ? "ai_account" : "key_vault",
          Map.of("i", i)));
    }
    run("nightly", many, List.of(), List.of());
    List<String> ids = new ArrayList<>();
    AssetQuery.Builder q = AssetQuery.builder().kind("ai_account").limit(5);
    Page<AssetRecord> page = store.assets(q.build());
    ids.addAll(page.items().stream().map(AssetRecord::id).toList());
    while (page.nextCursor().isPresent()) {
      page = store.assets(AssetQuery.builder().kind("ai_account").limit(5)
          .cursor(page.nextCursor().get()).build());
      ids.addAll(page.items().stream().map(AssetRecord::id).toList());
    }
    assertThat(ids).hasSize(13).isSorted().allMatch(id -> Integer.parseInt(id.substring(7)) % 2 == 0);
    String cursor = store.assets(q.build()).nextCursor().orElseThrow();
    assertThatThrownBy(() -> store.assets(AssetQuery.builder().kind("key_vault")
        .cursor(cursor).build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("with the same filters");
    assertThatThrownBy(() -> store.assets(AssetQuery.builder().cursor("!!").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor: ");
  }

  @Test
  void findingPagesAreMostSevereFirstAcrossCursors() {
    List<AssetRecord> assets = new ArrayList<>();
    List<FindingRecord> findings = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      assets.add(asset("/sub/x" + i, "ai_account", Map.of()));
      findings.add(finding("r.n" + i, "/sub/x" + i, Severity.values()[i % 5]));
    }
    run("nightly", assets, List.of(), findings);
    List<StoredFinding> all = new ArrayList<>();
    Page<StoredFinding> page = store.findings(FindingQuery.builder().limit(5).build());
    all.addAll(page.items());
    while (page.nextCursor().isPresent()) {
      page = store.findings(FindingQuery.builder().limit(5).cursor(page.nextCursor().get())
          .build());
      all.addAll(page.items());
    }
    assertThat(all).hasSize(12).extracting(f -> f.finding().severity())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(store.findings(FindingQuery.builder().severity(Severity.CRITICAL)
        .severity(Severity.HIGH).build()).items()).hasSize(4);
    assertThat(store.findings(FindingQuery.builder().rule("r.n3").build()).items()).hasSize(1);
    assertThat(store.findings(FindingQuery.builder().asset("/sub/x4").build()).items())
        .singleElement().extracting(f -> f.finding().rule()).isEqualTo("r.n4");
  }

  @Test
  void assessmentsListNewestFirstAndFailedRunsAreKept() {
    RunResult ok = run("nightly", List.of(), List.of(), List.of());
    clock.advance(Duration.ofMinutes(1));
    AssessmentRun broken = store.start("nightly", List.of("x"), "terraform");
    AssessmentRun failed = store.fail(broken.id(), "discovery: boom\nstack trace");
    AssessmentRun running = store.start("manual", List.of("y"), "");

    assertThat(failed.message()).contains("discovery: boom");
    assertThat(failed.sourceKind()).contains("terraform");
    Page<AssessmentRun> first = store.assessments(2, "");
    assertThat(first.items()).extracting(AssessmentRun::id)
        .containsExactly(running.id(), broken.id());
    assertThat(store.assessments(2, first.nextCursor().orElseThrow()).items())
        .extracting(AssessmentRun::id).containsExactly(ok.run().id());
    assertThat(store.latest("nightly").orElseThrow().id()).isEqualTo(ok.run().id());
    assertThatThrownBy(() -> store.complete(failed.id(), new RunInput(List.of(), List.of(),
        List.of(), 0, 0, 0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected: a running assessment");
    assertThat(store.assessment("nope")).isEmpty();
  }

  @Test
  void exportStreamsEveryAssetAndLink() {
    run("nightly", List.of(asset("/sub/a", "ai_account", Map.of()),
            asset("/sub/b", "storage_account", Map.of())),
        List.of(new AssetLink("/sub/a", "stores_data_in", "/sub/b")), List.of());
    List<String> seen = new ArrayList<>();
    store.forEachAsset(false, a -> seen.add(a.id()));
    assertThat(seen).containsExactly("/sub/a", "/sub/b");
    assertThat(store.links()).containsExactly(new AssetLink("/sub/a", "stores_data_in", "/sub/b"));
  }

  @Test
  void runsLeftRunningByAStoppedProcessCanBeFailed() {
    AssessmentRun old = store.start("nightly", List.of("x"), "");
    clock.advance(Duration.ofMinutes(5));
    Instant restart = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    AssessmentRun current = store.start("nightly", List.of("x"), "");

    assertThat(store.failRunningBefore(restart, "interrupted: the process stopped")).isEqualTo(1);
    assertThat(store.assessment(old.id()).orElseThrow().message())
        .contains("interrupted: the process stopped");
    assertThat(store.assessment(current.id()).orElseThrow().status())
        .isEqualTo(AssessmentStatus.RUNNING);
  }

  private List<String> statuses(FindingQuery.Builder q) {
    return store.findings(q.build()).items().stream().map(f -> f.finding().rule()).toList();
  }
}
