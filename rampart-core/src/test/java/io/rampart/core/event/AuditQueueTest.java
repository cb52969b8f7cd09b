package io.rampart.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditQueueTest {

  /** An in-memory log whose writes wait for a gate and refuse events of type "test.bad". */
  private static final class GatedLog extends InMemoryEventLog {
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public List<Event> appendAll(List<EventDraft> drafts) {
      entered.countDown();
      try {
        gate.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        batchSizes.add(drafts.size());
      }
      if (drafts.stream().anyMatch(d -> d.type().equals("test.bad"))) {
        throw new IllegalArgumentException("bad event");
      }
      return super.appendAll(drafts);
    }
  }

  private static EventDraft event(String type) {
    return EventDraft.builder(type).build();
  }

  private static void submit(AuditQueue q, String type) {
    q.reserve();
    q.submit(event(type));
  }

  @Test
  void flushWaitsUntilEveryAnsweredRequestsEventIsWritten() {
    GatedLog log = new GatedLog();
    try (AuditQueue q = new AuditQueue(log, 16)) {
      submit(q, "gateway.request");
      submit(q, "gateway.request");
      assertThat(q.flush(20)).as("the log has not written yet").isFalse();
      log.gate.countDown();
      assertThat(q.flush(5_000)).isTrue();
      assertThat(log.all()).hasSize(2);
    }
  }

  @Test
  void flushCutsTheWritersLingerShort() {
    InMemoryEventLog log = new InMemoryEventLog();
    // a linger no test could sit out: only flush's marker can end it
    try (AuditQueue q = new AuditQueue(log, 16, TimeUnit.HOURS.toNanos(1))) {
      submit(q, "gateway.request");
      assertThat(q.flush(30_000)).isTrue();
      assertThat(log.all()).hasSize(1);
      submit(q, "gateway.request");
      submit(q, "gateway.request");
      assertThat(q.flush(30_000)).isTrue();
      assertThat(log.all()).hasSize(3);
    }
  }

  @Test
  void closeEndsALingerAndWritesWhatWaits() {
    InMemoryEventLog log = new InMemoryEventLog();
    AuditQueue q = new AuditQueue(log, 16, TimeUnit.HOURS.toNanos(1));
    submit(q, "gateway.request");
    q.close();
    assertThat(log.all()).hasSize(1);
  }

  @Test
  void aReservedEventThatIsNeverBuiltDoesNotHoldUpFlush() {
    GatedLog log = new GatedLog();
    log.gate.countDown();
    try (AuditQueue q = new AuditQueue(log, 16)) {
      q.reserve();
      q.abandon();
      submit(q, "gateway.request");
      assertThat(q.flush(5_000)).isTrue();
      assertThat(log.all()).hasSize(1);
    }
  }

  @Test
  void aBadEventDoesNotCostItsNeighboursTheirs() {
    GatedLog log = new GatedLog();
    try (AuditQueue q = new AuditQueue(log, 16)) {
      submit(q, "gateway.request");
      submit(q, "test.bad");
      submit(q, "gateway.request");
      log.gate.countDown();
      assertThat(q.flush(5_000)).isTrue();
      assertThat(log.all()).extracting(Event::type)
          .containsExactly("gateway.request", "gateway.request");
    }
  }

  @Test
  void concurrentEventsAreWrittenTogether() {
    GatedLog log = new GatedLog();
    try (AuditQueue q = new AuditQueue(log, 64)) {
      for (int i = 0; i < 40; i++) {
        submit(q, "gateway.request");
      }
      log.gate.countDown();
      assertThat(q.flush(5_000)).isTrue();
    }
    assertThat(log.all()).hasSize(40);
    // the first batch is what arrived while the writer lingered; the rest waited and go together
    assertThat(log.batchSizes).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void aFullQueueMakesTheRequestWaitInsteadOfDroppingItsEvent() throws Exception {
    GatedLog log = new GatedLog();
    AuditQueue q = new AuditQueue(log, 2);
    // the writer takes at most one batch (512) and waits at the gate; two more fill the queue,
    // so the producer of 600 must block
    Thread producer = Thread.ofVirtual().start(() -> {
      for (int i = 0; i < 600; i++) {
        submit(q, "gateway.request");
      }
    });
    // regression (flaky under load): the producer could wait for a moment before the writer took
    // its first batch, and run again once it had; only with the writer at the gate is it stuck
    assertThat(log.entered.await(30, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (producer.getState() != Thread.State.WAITING && producer.isAlive()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(producer.getState()).as("blocked on the full queue").isEqualTo(Thread.State.WAITING);
    assertThat(log.all()).isEmpty();
    log.gate.countDown();
    producer.join();
    q.close();
    assertThat(log.all()).hasSize(600);
  }

  @Test
  void closeWritesEverythingQueuedAndLaterEventsDirectly() {
    GatedLog log = new GatedLog();
    log.gate.countDown();
    AuditQueue q = new AuditQueue(log, 256);
    for (int i = 0; i < 100; i++) {
      submit(q, "gateway.request");
    }
    q.close();
    assertThat(log.all()).hasSize(100);
    submit(q, "gateway.request");
    assertThat(log.all()).hasSize(101);
    assertThat(q.flush(1_000)).isTrue();
  }

  @Test
  void theEventsOfOneReservationAreWrittenTogetherBeforeFlushReturns() {
    GatedLog log = new GatedLog();
    try (AuditQueue q = new AuditQueue(log, 16)) {
      q.reserve();
      q.submit(List.of(event("mcp.request"), event("mcp.request"), event("mcp.request")));
      assertThat(q.flush(20)).as("the log has not written yet").isFalse();
      log.gate.countDown();
      assertThat(q.flush(5_000)).isTrue();
      assertThat(log.all()).hasSize(3);
      assertThat(log.batchSizes).containsExactly(3);
    }
  }

  @Test
  void anEmptyReservationDoesNotHoldUpFlush() {
    InMemoryEventLog log = new InMemoryEventLog();
    try (AuditQueue q = new AuditQueue(log, 16, TimeUnit.HOURS.toNanos(1))) {
      q.reserve();
      q.submit(List.of());
      assertThat(q.flush(5_000)).isTrue();
      assertThat(log.all()).isEmpty();
    }
  }
}
