package io.rampart.server.app;

import io.rampart.core.storage.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.config.StorageConfig;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.JdbcEventLog;
import io.rampart.core.inventory.AssessmentRun;
import io.rampart.core.inventory.AssessmentStatus;
import io.rampart.core.inventory.JdbcInventoryStore;
import io.rampart.core.storage.Database;
import io.rampart.discovery.Discovery;
import io.rampart.posture.AssessmentService;
import io.rampart.posture.AssessmentsConfig;
import io.rampart.posture.ScheduleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Due schedules run, never overlap, and store their runs; time is a hand-moved clock. */
class AssessmentSchedulerTest {
  @TempDir Path dir;
  private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:15:00Z"));
  private final List<Runnable> pending = new ArrayList<>();
  private Database db;
  private EventLog events;
  private JdbcInventoryStore store;
  private AssessmentScheduler scheduler;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(StorageConfig.DEFAULT, dir.resolve("data"));
    events = JdbcEventLog.create(db, clock);
    store = JdbcInventoryStore.create(db, clock, new Random(2));
    Path estate = dir.resolve("rg.json");
    Files.writeString(estate, """
        {"data": [{"id": "/subscriptions/1/resourceGroups/ai/providers/Microsoft.CognitiveServices/accounts/a",
          "name": "a", "type": "microsoft.cognitiveservices/accounts", "kind": "OpenAI",
          "location": "westeurope", "properties": {"disableLocalAuth": false}}]}""");
    AssessmentsConfig config = AssessmentsConfig.builder()
        .schedule(ScheduleConfig.builder("estate").cron("0 */6 * * *").source(estate).build())
        .schedule(ScheduleConfig.builder("off").cron("* * * * *").source(estate).enabled(false)
            .build())
        .build();
    AssessmentService service = AssessmentService.create(store, events,
        Discovery.create(clock), RiskCatalog.builtIn());
    scheduler = AssessmentScheduler.create(config, service, clock, pending::add);
  }

  @AfterEach
  void close() {
    scheduler.close();
    events.close();
    db.close();
  }

  private void runPending() {
    List<Runnable> now = List.copyOf(pending);
    pending.clear();
    now.forEach(Runnable::run);
  }

  @Test
  void aScheduleRunsWhenDueAndIsStored() {
    assertThat(scheduler.nextDue()).containsOnlyKeys("estate")
        .containsEntry("estate", Instant.parse("2026-03-01T12:00:00Z"));
    clock.set("2026-03-01T11:59:59Z");
    assertThat(scheduler.tick()).isEmpty();
    clock.set("2026-03-01T12:00:10Z");
    List<AssessmentRun> started = scheduler.tick();
    assertThat(started).singleElement().satisfies(r -> {
      assertThat(r.scope()).isEqualTo("estate");
      assertThat(r.status()).isEqualTo(AssessmentStatus.RUNNING);
    });
    runPending();
    AssessmentRun done = store.assessment(started.getFirst().id()).orElseThrow();
    assertThat(done.status()).isEqualTo(AssessmentStatus.SUCCEEDED);
    assertThat(done.counts().assets()).isEqualTo(1);
    assertThat(done.counts().newFindings()).isPositive();
    assertThat(events.query(EventQuery.builder().type("scan.finding").build()).events())
        .isNotEmpty();
    assertThat(scheduler.nextDue()).containsEntry("estate", Instant.parse("2026-03-01T18:00:00Z"));
    assertThat(scheduler.tick()).isEmpty();
  }

  @Test
  void aScheduleNeverOverlapsItself() {
    clock.set("2026-03-01T12:00:00Z");
    AssessmentRun first = scheduler.tick().getFirst();
    // the run has not finished when the next slot comes due: skipped, not queued
    clock.set("2026-03-01T18:00:00Z");
    assertThat(scheduler.tick()).isEmpty();
    assertThatThrownBy(() -> scheduler.launch("estate")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still in progress");
    runPending();
    assertThat(store.assessment(first.id()).orElseThrow().status())
        .isEqualTo(AssessmentStatus.SUCCEEDED);
    AssessmentRun manual = scheduler.launch("estate");
    runPending();
    assertThat(store.assessment(manual.id()).orElseThrow().counts().newFindings()).isZero();
    assertThat(store.assessments(10, "").items()).hasSize(2);
  }

  @Test
  void disabledSchedulesRunOnlyOnDemandAndUnknownOnesAreRefused() {
    clock.advance(Duration.ofDays(2));
    assertThat(scheduler.tick()).extracting(AssessmentRun::scope).containsExactly("estate");
    assertThat(scheduler.launch("off").scope()).isEqualTo("off");
    assertThat(scheduler.schedules()).containsExactly("estate", "off");
    assertThatThrownBy(() -> scheduler.launch("weekly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedule: weekly (expected: one of [estate, off])");
  }

  @Test
  void aFailingRunIsStoredAsFailedAndFreesTheSchedule() throws Exception {
    Files.delete(dir.resolve("rg.json"));
    AssessmentRun run = scheduler.launch("estate");
    runPending();
    AssessmentRun failed = store.assessment(run.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(AssessmentStatus.FAILED);
    assertThat(failed.message().orElseThrow()).contains("expected: at least one existing file");
    assertThat(scheduler.launch("estate").status()).isEqualTo(AssessmentStatus.RUNNING);
  }
}
