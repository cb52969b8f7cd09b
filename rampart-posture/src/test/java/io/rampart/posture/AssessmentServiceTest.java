package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.config.StorageConfig;
import io.rampart.core.event.Event;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.JdbcEventLog;
import io.rampart.core.inventory.AssessmentStatus;
import io.rampart.core.inventory.AssetQuery;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.FindingQuery;
import io.rampart.core.inventory.FindingRecord;
import io.rampart.core.inventory.FindingStatus;
import io.rampart.core.inventory.JdbcInventoryStore;
import io.rampart.core.inventory.RunResult;
import io.rampart.core.storage.Database;
import io.rampart.discovery.Discovery;
import io.rampart.discovery.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored assessments over an Azure Resource Graph export that changes between runs. */
class AssessmentServiceTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  static final String RAW = "/subscriptions/1/resourceGroups/ai/providers/"
      + "Microsoft.CognitiveServices/accounts/";
  // discovery normalizes Azure resource IDs to lower case
  static final String ACCOUNT = RAW.toLowerCase(java.util.Locale.ROOT);
  @TempDir Path dir;
  private Database db;
  private EventLog events;
  private JdbcInventoryStore store;
  private AssessmentService service;
  private Path estate;

  @BeforeEach
  void open() {
    db = Database.open(StorageConfig.DEFAULT, dir.resolve("data"));
    events = JdbcEventLog.create(db, CLOCK);
    store = JdbcInventoryStore.create(db, CLOCK, new Random(1));
    service = AssessmentService.create(store, events, Discovery.create(CLOCK),
        RiskCatalog.builtIn());
    estate = dir.resolve("resources.json");
  }

  @AfterEach
  void close() {
    events.close();
    db.close();
  }

  static String account(String name, boolean localAuth) {
    return """
        {"id": "%s%s", "name": "%s", "type": "microsoft.cognitiveservices/accounts",
         "kind": "OpenAI", "location": "westeurope", "tags": {"owner": "ai"},
         "properties": {"publicNetworkAccess": "Disabled", "disableLocalAuth": %s}}"""
        .formatted(RAW, name, name, !localAuth);
  }

  void write(String... accounts) throws Exception {
    Files.writeString(estate, "{\"count\": " + accounts.length + ", \"data\": ["
        + String.join(",", accounts) + "]}");
  }

  AssessmentPlan plan() {
    return new AssessmentPlan("nightly", List.of(estate), Optional.empty(), List.of());
  }

  @Test
  void secondRunReportsNewAndResolvedFindingsMissingAssetsAndEvents() throws Exception {
    write(account("alpha", true), account("beta", false));
    RunResult first = service.run(plan());
    assertThat(first.run().status()).isEqualTo(AssessmentStatus.SUCCEEDED);
    assertThat(first.added()).hasSize(2);
    assertThat(first.newFindings()).extracting(FindingRecord::rule, FindingRecord::asset)
        .contains(org.assertj.core.groups.Tuple.tuple("azure.ai.local-auth-enabled",
            ACCOUNT + "alpha"));
    assertThat(first.newFindings()).noneMatch(f -> f.rule().equals("azure.ai.local-auth-enabled")
        && f.asset().endsWith("beta"));

    // alpha fixed, beta deleted, gamma created with key auth
    write(account("alpha", false), account("gamma", true));
    RunResult second = service.run(plan());

    assertThat(second.resolvedFindings()).extracting(FindingRecord::rule, FindingRecord::asset)
        .contains(org.assertj.core.groups.Tuple.tuple("azure.ai.local-auth-enabled",
            ACCOUNT + "alpha"));
    assertThat(second.newFindings()).extracting(FindingRecord::rule, FindingRecord::asset)
        .contains(org.assertj.core.groups.Tuple.tuple("azure.ai.local-auth-enabled",
            ACCOUNT + "gamma"));
    assertThat(second.missing()).containsExactly(ACCOUNT + "beta");
    assertThat(second.added()).containsExactly(ACCOUNT + "gamma");
    assertThat(second.changed()).containsExactly(ACCOUNT + "alpha");
  }

  @Test
  void runsAppendFindingAndInventoryEvents() throws Exception {
    write(account("alpha", true));
    RunResult first = service.run(plan());
    write(account("alpha", false));
    RunResult second = service.run(plan());

    List<Event> changed = events(EventQuery.builder().type("inventory.changed").build());
    assertThat(changed).hasSize(2);
    Event firstChange = changed.getLast();
    assertThat(firstChange.attributes()).containsEntry("assessment", first.run().id())
        .containsEntry("added_count", 1);
    List<Event> findings = events(EventQuery.builder().type("scan.finding").build());
    assertThat(findings).filteredOn(e -> e.attributes().get("status").equals("new"))
        .hasSize(first.newFindings().size());
    Event resolved = findings.stream().filter(e -> e.attributes().get("status").equals("resolved"))
        .findFirst().orElseThrow();
    assertThat(resolved.attributes()).containsEntry("rule", "azure.ai.local-auth-enabled")
        .containsEntry("assessment", second.run().id());
    assertThat(resolved.asset()).isEqualTo(ACCOUNT + "alpha");
    // property values never reach the event log
    assertThat(findings).allSatisfy(e -> assertThat(e.attributes().toString())
        .doesNotContain("Disabled"));
  }

  @Test
  void storedInventoryRoundTripsIntoAnAiBom() throws Exception {
    write(account("alpha", true));
    service.run(plan());
    List<AssetRecord> assets = store.assets(AssetQuery.builder().build()).items();
    Inventory inv = InventoryRecords.inventory(assets, store.links());
    assertThat(inv.assets()).hasSize(1);
    assertThat(inv.assets().getFirst().properties()).containsEntry("localAuthEnabled", true);
    String bom = AiBom.json(inv, CLOCK);
    assertThat(bom).contains("\"specVersion\" : \"1.6\"").contains(ACCOUNT + "alpha");
  }

  @Test
  void aRunWithoutReadableSourcesIsStoredAsFailed() {
    AssessmentPlan plan = new AssessmentPlan("nightly", List.of(dir.resolve("absent")),
        Optional.empty(), List.of());
    assertThatThrownBy(() -> service.run(plan)).isInstanceOf(PostureException.class)
        .hasMessageContaining("expected: at least one existing file or directory");
    assertThat(store.assessments(10, "").items()).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(AssessmentStatus.FAILED));
    assertThat(events(EventQuery.builder().type("scan.failed").build())).hasSize(1);
    assertThat(store.findings(FindingQuery.builder().status(FindingStatus.NEW).build())
        .items()).isEmpty();
  }

  private List<Event> events(EventQuery q) {
    return events.query(q).events();
  }
}
