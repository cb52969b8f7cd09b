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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
  private final Function<RampartConfig, List<String>> apply;
  private final ScheduledExecutorService executor;
  private byte[] lastBytes;
  private RampartConfig current;

  private ConfigReloader(Path file, Map<String, String> env, EventLog events, RampartConfig current,
      Function<RampartConfig, List<String>> apply) {
    this.file = file;
    this.env = env;
    this.events = events;
    this.current = current;
    this.apply = apply;
    this.lastBytes = read();
    this.executor = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().daemon().name("rampart-config-reload").unstarted(r));
  }

  /**
   * A reloader for {@code file}, not yet polling; {@code apply} receives each valid new config
   * and answers the keys that changed but only take effect after a restart (such as
   * {@code mcp-gateway.port}); it throws to refuse the config, leaving the old one in force.
   */
  static ConfigReloader create(Path file, Map<String, String> env, EventLog events,
      RampartConfig current, Function<RampartConfig, List<String>> apply) {
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
      reject(e.problems().size(),
          e.problems().isEmpty() ? "" : e.problems().getFirst().toString());
      log.warn("{} changed but is invalid; keeping the configuration in force:\n{}", file, e.getMessage());
      return false;
    }
    List<String> restart = new ArrayList<>();
    if (!next.storage().equals(current.storage())) {
      restart.add("storage");
    }
    try {
      restart.addAll(apply.apply(next));
    } catch (RuntimeException e) {
      // a component refused it (nothing was swapped): the old configuration stays in force
      reject(1, file + ": not applied: " + e.getClass().getSimpleName());
      log.warn("{} changed but could not be applied; keeping the configuration in force", file, e);
      return false;
    }
    current = next;
    ConfigChanges.record(events, ConfigPrinter.describe(next), file.toString(), restart);
    if (restart.isEmpty()) {
      log.info("{} changed; applied", file);
    } else {
      log.warn("{} changed; applied, except {}, which take effect after a restart", file,
          String.join(", ", restart));
    }
    return true;
  }

  private void reject(int problems, String first) {
    events.append(EventDraft.builder("config.rejected")
        .severity(Severity.MEDIUM)
        .principal("rampart")
        .asset(file.toString())
        .outcome(Outcome.FAILURE)
        .attribute("problems", problems)
        .attribute("first_problem", first)
        .build());
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
