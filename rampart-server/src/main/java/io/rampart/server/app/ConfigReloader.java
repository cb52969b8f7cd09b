package io.rampart.server.app;

import static java.util.Objects.requireNonNull;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.ConfigPrinter;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches rampart.yaml and applies a changed file without a restart: the new configuration is
 * validated in full first, so a broken edit is refused (a {@code config.rejected} event, the old
 * policy stays in force) and never half-applied. Polls the file's bytes rather than relying on
 * file-system notifications, which editors that replace files and network mounts make
 * unreliable.
 */
final class ConfigReloader implements AutoCloseable {
  static final Duration PERIOD = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

  private final Path file;
  private final Map<String, String> env;
  private final EventLog events;
  private final Consumer<RampartConfig> apply;
  private final ScheduledExecutorService executor;
  private byte[] lastBytes;
  private RampartConfig current;

  private ConfigReloader(Path file, Map<String, String> env, EventLog events, RampartConfig current,
      Consumer<RampartConfig> apply) {
    this.file = file;
    this.env = env;
    this.events = events;
    this.current = current;
    this.apply = apply;
    this.lastBytes = read();
    this.executor = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().daemon().name("rampart-config-reload").unstarted(r));
  }

  /** A reloader for {@code file}, not yet polling; {@code apply} receives each valid new config. */
  static ConfigReloader create(Path file, Map<String, String> env, EventLog events,
      RampartConfig current, Consumer<RampartConfig> apply) {
    return new ConfigReloader(requireNonNull(file, "file"), requireNonNull(env, "env"),
        requireNonNull(events, "events"), requireNonNull(current, "current"),
        requireNonNull(apply, "apply"));
  }

  /** Polls every {@link #PERIOD} on a daemon thread. */
  ConfigReloader start() {
    executor.scheduleWithFixedDelay(this::checkQuietly, PERIOD.toMillis(), PERIOD.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  private void checkQuietly() {
    try {
      checkNow();
    } catch (RuntimeException e) {
      log.warn("config reload failed: {}", e.getMessage());
    }
  }

  /** Checks the file once; returns whether a new configuration was applied. */
  synchronized boolean checkNow() {
    byte[] bytes = read();
    if (Arrays.equals(bytes, lastBytes)) {
      return false;
    }
    lastBytes = bytes;
    RampartConfig next;
    try {
      next = ConfigLoader.load(file, env).withDataDir(current.dataDir()).withServer(current.server());
    } catch (ConfigException e) {
      // problems name lines and paths, never values, so they are safe to record
      events.append(EventDraft.builder("config.rejected")
          .severity(Severity.MEDIUM)
          .principal("rampart")
          .asset(file.toString())
          .outcome(Outcome.FAILURE)
          .attribute("problems", e.problems().size())
          .attribute("first_problem", e.problems().isEmpty() ? "" : e.problems().getFirst().toString())
          .build());
      log.warn("{} changed but is invalid; keeping the configuration in force:\n{}", file, e.getMessage());
      return false;
    }
    boolean restartNeeded = !next.storage().equals(current.storage());
    apply.accept(next);
    current = next;
    ConfigChanges.record(events, ConfigPrinter.describe(next), file.toString(), restartNeeded);
    log.info("{} changed; applied{}", file, restartNeeded ? " (storage changes need a restart)" : "");
    return true;
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0]; // a file being replaced is briefly missing; the next poll sees it
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
