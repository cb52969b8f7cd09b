package io.rampart.server.app;

import static java.util.Objects.requireNonNull;

import io.rampart.core.inventory.AssessmentRun;
import io.rampart.posture.AssessmentService;
import io.rampart.posture.AssessmentsConfig;
import io.rampart.posture.ScheduleConfig;
import io.rampart.server.AssessmentLauncher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schedules of {@code assessments:} when their cron expressions come due, and on demand
 * for {@code POST /api/assessments}. Each run happens on its own virtual thread; a schedule
 * never overlaps itself (a slot that comes due while its previous run is still going is skipped,
 * not queued). Time comes from the injected clock; {@link #tick()} is the whole decision, so
 * tests drive it without sleeping.
 */
final class AssessmentScheduler implements AssessmentLauncher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AssessmentScheduler.class);
  /** How often the background loop checks for due schedules. */
  static final Duration TICK = Duration.ofSeconds(20);

  private final AssessmentsConfig config;
  private final AssessmentService service;
  private final Clock clock;
  private final Consumer<Runnable> runner;
  private final Map<String, Instant> nextDue = new HashMap<>();
  private final Map<String, String> running = new ConcurrentHashMap<>();
  private ExecutorService runs;
  private ScheduledExecutorService ticker;

  private AssessmentScheduler(AssessmentsConfig config, AssessmentService service, Clock clock,
      Consumer<Runnable> runner) {
    this.config = config;
    this.service = service;
    this.clock = clock;
    this.runner = runner;
    Instant now = clock.instant();
    for (ScheduleConfig s : config.schedules()) {
      if (s.enabled()) {
        s.cron().next(now, config.timeZone()).ifPresent(t -> nextDue.put(s.name(), t));
      }
    }
  }

  /** A scheduler whose runs go to {@code runner} (tests pass one they drive by hand). */
  static AssessmentScheduler create(AssessmentsConfig config, AssessmentService service,
      Clock clock, Consumer<Runnable> runner) {
    return new AssessmentScheduler(requireNonNull(config, "config"),
        requireNonNull(service, "service"), requireNonNull(clock, "clock"),
        requireNonNull(runner, "runner"));
  }

  /** Starts the background loop; runs go to virtual threads. */
  static AssessmentScheduler start(AssessmentsConfig config, AssessmentService service,
      Clock clock) {
    ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    AssessmentScheduler s = create(config, service, clock, runs::execute);
    s.runs = runs;
    if (!s.nextDue.isEmpty()) {
      s.ticker = Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("rampart-assessments").factory());
      s.ticker.scheduleWithFixedDelay(() -> {
        try {
          s.tick();
        } catch (RuntimeException e) {
          LOG.warn("assessment scheduler tick failed", e);
        }
      }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("assessment schedules: {}", s.nextDue);
    }
    return s;
  }

  /** Launches every schedule that is due now; returns the runs started. */
  synchronized List<AssessmentRun> tick() {
    Instant now = clock.instant();
    List<AssessmentRun> started = new ArrayList<>();
    for (ScheduleConfig s : config.schedules()) {
      Instant due = nextDue.get(s.name());
      if (due == null || now.isBefore(due)) {
        continue;
      }
      Optional<Instant> next = s.cron().next(now, config.timeZone());
      if (next.isPresent()) {
        nextDue.put(s.name(), next.get());
      } else {
        nextDue.remove(s.name());
      }
      if (running.containsKey(s.name())) {
        LOG.warn("assessment {}: due while its previous run {} is still going; skipped",
            s.name(), running.get(s.name()));
        continue;
      }
      started.add(launch(s));
    }
    return started;
  }

  /** When each enabled schedule runs next. */
  synchronized Map<String, Instant> nextDue() {
    return Map.copyOf(nextDue);
  }

  @Override
  public List<String> schedules() {
    return config.schedules().stream().map(ScheduleConfig::name).toList();
  }

  @Override
  public synchronized AssessmentRun launch(String schedule) {
    requireNonNull(schedule, "schedule");
    ScheduleConfig s = config.schedule(schedule).orElseThrow(() -> new IllegalArgumentException(
        "schedule: " + schedule + " (expected: one of " + schedules() + ")"));
    if (running.containsKey(s.name())) {
      throw new IllegalStateException("schedule: " + s.name() + ": run "
          + running.get(s.name()) + " still in progress (expected: one run at a time)");
    }
    return launch(s);
  }

  private AssessmentRun launch(ScheduleConfig s) {
    AssessmentRun run = service.start(s.plan());
    running.put(s.name(), run.id());
    try {
      runner.accept(() -> {
        try {
          service.execute(run, s.plan());
          LOG.info("assessment {} ({}) done", run.id(), s.name());
        } catch (RuntimeException e) {
          LOG.warn("assessment {} ({}) failed: {}", run.id(), s.name(), e.getMessage());
        } finally {
          running.remove(s.name(), run.id());
        }
      });
    } catch (RuntimeException e) {
      running.remove(s.name(), run.id());
      service.store().fail(run.id(), "not started: " + e.getMessage());
      throw new IllegalStateException("schedule: " + s.name() + ": cannot start a run ("
          + e.getMessage() + ")", e);
    }
    return run;
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (runs != null) {
      runs.shutdownNow();
    }
  }
}
