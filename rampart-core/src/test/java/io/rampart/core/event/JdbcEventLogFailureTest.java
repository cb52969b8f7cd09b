package io.rampart.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.StorageConfig;
import io.rampart.core.storage.Database;
import io.rampart.core.storage.StorageException;
import io.rampart.core.storage.TestClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcEventLogFailureTest {
  @TempDir Path dir;

  @Test
  void appendsFailFastWhenTheDatabaseIsGoneAndTheWriterSurvives() {
    Database db = Database.open(StorageConfig.DEFAULT, dir.resolve("data"));
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    try (JdbcEventLog log = JdbcEventLog.create(db, clock)) {
      assertThat(log.append(EventDraft.builder("a.b").build()).type()).isEqualTo("a.b");
      db.close();
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> log.appendAll(List.of(EventDraft.builder("a.b").build())))
            .isInstanceOf(StorageException.class)
            .hasMessageStartingWith("event log: append failed (");
      }
      assertThatThrownBy(() -> log.query(EventQuery.all()))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("events: query failed (");
    }
  }
}
