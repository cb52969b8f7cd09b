package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import io.rampart.core.config.EventsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code events.retention}: deletes events older than the retention period. A zero
 * retention keeps events forever and makes every run a no-op. Run it periodically, e.g. with
 * {@link #schedule}; a failed run is logged and the next one tries again.
 */
public final class RetentionTask implements Runnable {
  /** How often {@link #schedule} purges: often enough that the log never overshoots much. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);

  private final EventLog log;
  private final Duration retention;
  private final Clock clock;

  private RetentionTask(EventLog log, Duration retention, Clock clock) {
    this.log = log;
    this.retention = retention;
    this.clock = clock;
  }

  public static RetentionTask create(EventLog log, EventsConfig config, Clock clock) {
    requireNonNull(log, "log");
    requireNonNull(config, "config");
    requireNonNull(clock, "clock");
    return new RetentionTask(log, config.retention(), clock);
  }

  /** Events before this instant are due for deletion; empty when events are kept forever. */
  public Optional<Instant> cutoff() {
    return retention.isZero() ? Optional.empty() : Optional.of(clock.instant().minus(retention));
  }

  /** Purges now; returns how many events were deleted (0 when events are kept forever). */
  public long purgeNow() {
    return cutoff().map(log::purgeOlderThan).orElse(0L);
  }

  /** Purges once; never throws, so a scheduler keeps calling it. */
  @Override
  public void run() {
    try {
      long deleted = purgeNow();
      if (deleted > 0) {
        LOG.info("retention: deleted {} events older than {}", deleted, retention);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention: purge failed, will retry: {}", e.getMessage(), e);
    }
  }

  /** Runs this task on {@code executor} now and every {@code interval}. */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration interval) {
    requireNonNull(executor, "executor");
    requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
    }
    return executor.scheduleWithFixedDelay(this, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }
}
