package io.rampart.server.app;

import io.rampart.core.config.EventsConfig;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.RetentionTask;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Runs the event log's {@link RetentionTask} at start and then hourly on a daemon thread. */
final class RetentionScheduler implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private RetentionScheduler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  static RetentionScheduler start(EventLog events, EventsConfig config, Clock clock) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("rampart-retention").unstarted(r));
    RetentionTask.create(events, config, clock).schedule(executor, RetentionTask.DEFAULT_INTERVAL);
    return new RetentionScheduler(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
