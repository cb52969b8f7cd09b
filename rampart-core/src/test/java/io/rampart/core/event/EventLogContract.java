package io.rampart.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.EventsConfig;
import io.rampart.core.storage.Backend;
import io.rampart.core.storage.Database;
import io.rampart.core.storage.StorageException;
import io.rampart.core.storage.TestClock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The {@link JdbcEventLog} contract, run once per {@link Backend} by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventLogContract {
  private Database db;
  private TestClock clock;
  private JdbcEventLog log;

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
  void openLog() {
    Backend.clear(db);
    clock = TestClock.at("2026-03-01T10:00:00.123456789Z");
    log = JdbcEventLog.create(db, clock, new Random(42));
  }

  @AfterEach
  void closeLog() {
    log.close();
  }

  private static EventDraft draft(String type) {
    return EventDraft.builder(type).build();
  }

  private List<Event> all(EventQuery query) {
    List<Event> out = new ArrayList<>();
    log.forEach(query, out::add);
    return out;
  }

  @Test
  void appendReturnsTheStoredEventOnceAndQueryReadsItBack() {
    Event event = log.append(EventDraft.builder("gateway.request").severity(Severity.HIGH)
        .principal("alice").asset("model:gpt").outcome(Outcome.BLOCKED)
        .attribute("status", 403).reference("LLM01").build());

    assertThat(event.id()).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    assertThat(log.query(EventQuery.all()).events()).containsExactly(event);
  }

  @Test
  void idsAreUniqueAndSortInAppendOrderEvenWhenTheClockStandsStillOrGoesBack() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(log.append(draft("test.event")).id());
      if (i == 15) {
        clock.advance(Duration.ofMinutes(-5));
      }
    }
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(log.query(EventQuery.all()).events()).extracting(Event::id)
        .containsExactlyElementsOf(ids.reversed());
  }

  @Test
  void filtersByTypeSeverityPrincipalAndTimeRange() {
    Event a = log.append(EventDraft.builder("scan.finding").severity(Severity.LOW)
        .principal("alice").build());
    clock.advance(Duration.ofMinutes(1));
    Event b = log.append(EventDraft.builder("dlp.redacted").severity(Severity.HIGH)
        .principal("bob").build());
    clock.advance(Duration.ofMinutes(1));
    Event c = log.append(EventDraft.builder("guard.blocked").severity(Severity.CRITICAL)
        .principal("alice").build());

    assertThat(ids(EventQuery.builder().type("scan.finding").type("guard.blocked").build()))
        .containsExactly(c.id(), a.id());
    assertThat(ids(EventQuery.builder().severity(Severity.HIGH).severity(Severity.LOW).build()))
        .containsExactly(b.id(), a.id());
    assertThat(ids(EventQuery.builder().minSeverity(Severity.HIGH).build()))
        .containsExactly(c.id(), b.id());
    assertThat(ids(EventQuery.builder().principal("alice").build()))
        .containsExactly(c.id(), a.id());
    assertThat(ids(EventQuery.builder().from(b.time()).build())).containsExactly(c.id(), b.id());
    assertThat(ids(EventQuery.builder().to(b.time()).build())).containsExactly(a.id());
    assertThat(ids(EventQuery.builder().from(a.time()).to(c.time()).build()))
        .containsExactly(b.id(), a.id());
    // Bounds finer than stored microseconds keep from-inclusive / to-exclusive semantics.
    assertThat(ids(EventQuery.builder().from(b.time().plusNanos(1)).build()))
        .containsExactly(c.id());
    assertThat(ids(EventQuery.builder().to(b.time().plusNanos(1)).build()))
        .containsExactly(b.id(), a.id());
    assertThat(ids(EventQuery.builder().principal("alice").minSeverity(Severity.MEDIUM)
        .type("guard.blocked").build())).containsExactly(c.id());
  }

  private List<String> ids(EventQuery query) {
    return log.query(query).events().stream().map(Event::id).toList();
  }

  @Test
  void pagesCoverEveryEventOnceNewestFirst() {
    List<EventDraft> drafts = new ArrayList<>();
    for (int i = 0; i < 257; i++) {
      drafts.add(EventDraft.builder(i % 3 == 0 ? "scan.finding" : "gateway.request")
          .attribute("n", i).build());
    }
    List<Event> appended = log.appendAll(drafts);

    assertThat(pageThrough(EventQuery.builder().limit(50).build(), 6))
        .containsExactlyElementsOf(appended.stream().map(Event::id).toList().reversed());
    List<String> findings = appended.stream().filter(e -> e.type().equals("scan.finding"))
        .map(Event::id).toList();
    assertThat(findings).hasSize(86);
    assertThat(pageThrough(EventQuery.builder().type("scan.finding").limit(10).build(), 9))
        .containsExactlyElementsOf(findings.reversed());
  }

  /** All ids across pages; checks the page count and that only the last page lacks a cursor. */
  private List<String> pageThrough(EventQuery first, int expectedPages) {
    List<String> ids = new ArrayList<>();
    EventQuery query = first;
    int pages = 0;
    while (true) {
      EventPage page = log.query(query);
      pages++;
      page.events().forEach(e -> ids.add(e.id()));
      if (page.nextCursor().isEmpty()) {
        break;
      }
      assertThat(page.events()).hasSize(query.limit());
      query = query.toBuilder().cursor(page.nextCursor().get()).build();
    }
    assertThat(pages).isEqualTo(expectedPages);
    return ids;
  }

  @Test
  void appendsDuringPagingNeitherRepeatNorShiftEarlierEvents() {
    List<Event> first = log.appendAll(List.of(draft("a.b"), draft("a.b"), draft("a.b")));
    EventPage page = log.query(EventQuery.builder().limit(2).build());
    log.append(draft("a.b")); // newer than every paged event
    EventPage rest = log.query(EventQuery.builder().limit(2).cursor(page.next()).build());
    assertThat(rest.events()).containsExactly(first.getFirst());
    assertThat(rest.nextCursor()).isEmpty();
  }

  @Test
  void rejectsTamperedOrForeignCursors() {
    log.appendAll(List.of(draft("a.b"), draft("a.b"), draft("a.b")));
    EventQuery query = EventQuery.builder().limit(1).build();
    String cursor = log.query(query).next();
    char flipped = cursor.charAt(10) == 'A' ? 'B' : 'A';
    List<String> bad = List.of("", "x", "not a cursor!", cursor.substring(0, cursor.length() - 2),
        cursor.substring(0, 10) + flipped + cursor.substring(11), cursor + "AA");
    for (String tampered : bad) {
      assertThatThrownBy(() -> log.query(query.toBuilder().cursor(tampered).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cursor: ")
          .hasMessageContaining("(expected: a cursor from a previous page");
    }
    assertThatThrownBy(() -> log.query(EventQuery.builder().type("a.b").cursor(cursor).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected: a cursor from a previous page with the same filters");
    // A different page size is the same query.
    assertThat(log.query(query.toBuilder().limit(5).cursor(cursor).build()).events()).hasSize(2);
  }

  @Test
  void concurrentAppendsAreAllAcknowledgedAndStored() throws Exception {
    int threads = 16;
    int perThread = 100;
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(executor.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            Event e = log.append(EventDraft.builder("load.test").principal("t" + thread)
                .attribute("i", i).build());
            acknowledged.add(e.id());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %d appends from %d threads in %.2f s (%.0f/s)%n", backend(),
        threads * perThread, threads, seconds, threads * perThread / seconds);

    List<String> stored = all(EventQuery.all()).stream().map(Event::id).toList();
    assertThat(acknowledged).hasSize(threads * perThread).doesNotHaveDuplicates();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
    // Each thread's own appends got increasing ids: ids follow commit order.
    for (int t = 0; t < threads; t++) {
      assertThat(all(EventQuery.builder().principal("t" + t).build()).reversed())
          .extracting(e -> (Integer) e.attributes().get("i"))
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread).boxed()
              .toList());
    }
  }

  @Test
  void forEachStreamsEveryMatchingEventAcrossInternalPages() {
    List<EventDraft> drafts = new ArrayList<>();
    for (int i = 0; i < 1_203; i++) {
      drafts.add(EventDraft.builder("bulk.event").severity(i % 2 == 0 ? Severity.LOW
          : Severity.HIGH).build());
    }
    List<Event> appended = log.appendAll(drafts);

    // The query's limit and cursor are ignored by forEach.
    List<Event> streamed = all(EventQuery.builder().limit(3).build());
    assertThat(streamed).containsExactlyElementsOf(appended.reversed());
    assertThat(all(EventQuery.builder().severity(Severity.HIGH).build())).hasSize(601);
  }

  @Test
  void purgeDeletesOnlyOlderEventsAndRetentionTaskAppliesConfig() {
    Event old = log.append(draft("a.old"));
    clock.advance(Duration.ofDays(10));
    Event middle = log.append(draft("a.middle"));
    clock.advance(Duration.ofDays(10));
    Event recent = log.append(draft("a.recent"));

    assertThat(RetentionTask.create(log, new EventsConfig(Duration.ZERO), clock).purgeNow())
        .isZero();
    assertThat(log.purgeOlderThan(middle.time())).isEqualTo(1);
    assertThat(all(EventQuery.all())).containsExactly(recent, middle);

    RetentionTask task = RetentionTask.create(log, new EventsConfig(Duration.ofDays(5)), clock);
    assertThat(task.cutoff()).contains(clock.instant().minus(Duration.ofDays(5)));
    task.run();
    assertThat(all(EventQuery.all())).containsExactly(recent).doesNotContain(old);
  }

  @Test
  void purgeWorksInChunksOverManyEvents() {
    List<EventDraft> drafts = new ArrayList<>();
    int count = JdbcEventLog.PURGE_CHUNK + 1;
    for (int i = 0; i < count; i++) {
      drafts.add(draft("bulk.event"));
    }
    log.appendAll(drafts);
    clock.advance(Duration.ofSeconds(1));
    Event kept = log.append(draft("bulk.kept"));
    assertThat(log.purgeOlderThan(kept.time())).isEqualTo(count);
    assertThat(all(EventQuery.all())).containsExactly(kept);
  }

  @Test
  void attributesAndReferencesRoundTrip() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", List.of(1, 2.5, "three", true, List.of(), Map.of("deep", "ü")));
    nested.put("emoji", "🔐 Grüße — 日本語");
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("int", 7);
    attributes.put("long", 1L << 40);
    attributes.put("double", -0.125);
    attributes.put("big", new BigInteger("123456789012345678901234567890"));
    attributes.put("bool", false);
    attributes.put("empty", "");
    attributes.put("quote", "a \"quoted\" \\ value\n");
    attributes.put("nested", nested);
    Event event = log.append(EventDraft.builder("dlp.redacted").attributes(attributes)
        .reference("LLM02").reference("AML.T0051").build());

    Event read = log.query(EventQuery.all()).events().getFirst();
    assertThat(read).isEqualTo(event);
    assertThat(read.attributes()).isEqualTo(attributes);
    assertThat(read.references()).containsExactly("LLM02", "AML.T0051");
  }

  @Test
  void appendAllIsAtomicAndRejectsBadInputBeforeStoringAnything() {
    assertThat(log.appendAll(List.of())).isEmpty();
    List<EventDraft> drafts = List.of(draft("a.first"),
        EventDraft.builder("a.bad").attribute("when", Instant.EPOCH).build());
    assertThatThrownBy(() -> log.appendAll(drafts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("attributes.when: Instant (expected:");
    assertThatThrownBy(() -> log.append(EventDraft.builder("a.bad")
        .principal("p".repeat(501)).build()))
        .hasMessageContaining("expected: at most 500");
    assertThatThrownBy(() -> log.append(EventDraft.builder("a.bad")
        .attribute("x", Double.NaN).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(all(EventQuery.all())).isEmpty();

    List<Event> stored = log.appendAll(List.of(draft("a.one"), draft("a.two")));
    assertThat(all(EventQuery.all()).reversed()).containsExactlyElementsOf(stored);
  }

  @Test
  void appendAfterCloseFailsClearly() {
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append(draft("a.b")))
        .isInstanceOf(StorageException.class)
        .hasMessage("event log: closed (expected: an open event log)");
  }

  @Test
  void eventTimesComeFromTheInjectedClockAtMicrosecondPrecision() {
    Instant t = Instant.parse("2030-01-01T00:00:00.000000999Z");
    clock.set(t);
    Event e = log.append(draft("a.b"));
    assertThat(e.time()).isEqualTo(t.truncatedTo(ChronoUnit.MICROS));
    Set<String> seen = new HashSet<>();
    log.forEach(EventQuery.builder().from(t.truncatedTo(ChronoUnit.MICROS)).build(),
        x -> seen.add(x.id()));
    assertThat(seen).containsExactly(e.id());
  }
}
