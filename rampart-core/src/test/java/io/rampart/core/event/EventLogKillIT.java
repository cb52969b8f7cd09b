package io.rampart.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.StorageConfig;
import io.rampart.core.storage.Backend;
import io.rampart.core.storage.Database;
import io.rampart.core.storage.StorageException;
import io.rampart.core.storage.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durability: a process appending events is killed with SIGKILL; every event it had been told
 * was appended must be in the database afterwards.
 */
class EventLogKillIT {
  private static final int ACKNOWLEDGED = 300;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyAcknowledgedEventSurvivesSigkill(Backend backend, @TempDir Path dir)
      throws Exception {
    Path dataDir = dir.resolve("data");
    StorageConfig config =
        backend == Backend.H2 ? StorageConfig.DEFAULT : TestPostgres.newDatabase();
    String target = backend == Backend.H2 ? dataDir.toString() : config.url();
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EventLogKillChild.class.getName(), backend == Backend.H2 ? "h2" : "postgresql", target)
        .redirectError(dir.resolve("child.err").toFile())
        .start();
    List<String> acknowledged = new ArrayList<>();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = Thread.ofVirtual().start(() -> readLines(child, lines));
    try {
      awaitAcknowledged(lines, acknowledged, 50, dir);
      if (backend == Backend.H2) {
        // The embedded database belongs to one process: a second one gets a clear error.
        assertThatThrownBy(() -> Database.open(config, dataDir))
            .isInstanceOf(StorageException.class)
            .hasMessageContaining("in use by another process");
      }
      awaitAcknowledged(lines, acknowledged, ACKNOWLEDGED, dir);
    } finally {
      // Killed right after fresh acknowledgements: SIGKILL, no shutdown hooks, no clean close.
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    reader.join();
    // Every complete line the child printed before it died is an acknowledged event.
    for (String line; (line = lines.poll()) != null; ) {
      if (line.matches("ACK [0-9A-Z]{26}")) {
        acknowledged.add(line.substring(4));
      }
    }

    Set<String> stored = new HashSet<>();
    long reopen = System.nanoTime();
    try (Database db = Database.open(config, dataDir);
        JdbcEventLog log = JdbcEventLog.create(db, Clock.systemUTC())) {
      log.forEach(EventQuery.builder().type("kill.test").build(), e -> stored.add(e.id()));
    }
    System.out.printf("%s: %d acknowledged, %d stored, reopened and read in %d ms%n", backend,
        acknowledged.size(), stored.size(), (System.nanoTime() - reopen) / 1_000_000);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED).doesNotHaveDuplicates();
    List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
    assertThat(lost).as("acknowledged but lost (of %d)", acknowledged.size()).isEmpty();
  }

  private static void awaitAcknowledged(BlockingQueue<String> lines, List<String> acknowledged,
      int count, Path dir) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (acknowledged.size() < count) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("child acknowledged only " + acknowledged.size()
            + " events; stderr:\n" + Files.readString(dir.resolve("child.err")));
      }
      if (line.startsWith("ACK ")) {
        acknowledged.add(line.substring(4));
      }
    }
  }

  private static void readLines(Process child, BlockingQueue<String> lines) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // the child was killed mid-line
    }
  }
}
