package io.rampart.core.event;

import ch.qos.logback.classic.Level;
import io.rampart.core.Secret;
import io.rampart.core.config.StorageConfig;
import io.rampart.core.storage.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child process for {@link EventLogKillIT}: appends events from several threads until killed
 * and prints {@code ACK <id>} for each append that has returned, that is, been acknowledged.
 * Arguments: {@code h2 <data-dir>} or {@code postgresql <jdbc-url>}.
 */
public final class EventLogKillChild {
  private EventLogKillChild() {}

  public static void main(String[] args) throws InterruptedException {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    boolean h2 = args[0].equals("h2");
    StorageConfig config =
        h2 ? StorageConfig.DEFAULT : new StorageConfig(args[1], "postgres", Secret.empty(), 8);
    Path dataDir = Path.of(h2 ? args[1] : System.getProperty("java.io.tmpdir"));
    Database db = Database.open(config, dataDir);
    EventLog log = JdbcEventLog.create(db, Clock.systemUTC());
    PrintStream out = System.out;
    AtomicLong sequence = new AtomicLong();
    for (int t = 0; t < 8; t++) {
      Thread.ofVirtual().start(() -> {
        while (true) {
          Event event = log.append(EventDraft.builder("kill.test")
              .attribute("n", sequence.incrementAndGet()).build());
          synchronized (out) {
            out.println("ACK " + event.id());
            out.flush();
          }
        }
      });
    }
    Thread.sleep(Long.MAX_VALUE); // until SIGKILL
  }
}
