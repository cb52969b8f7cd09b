package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.StorageConfig;
import io.rampart.core.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 database, migrated by core's Flyway scripts (V3). */
class JdbcToolPinStoreH2Test extends ToolPinStoreContract {
  @TempDir Path dir;
  Database db;

  @Override
  ToolPinStore store() {
    db = Database.open(StorageConfig.DEFAULT, dir.resolve("data"));
    return JdbcToolPinStore.create(db.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void pinsSurviveAReopen() throws Exception {
    store().putIfAbsent(pin("echo", "v1"));
    db.close();

    ToolPinStore again = store();

    assertThat(again.find("srv", "echo")).contains(pin("echo", "v1"));
  }

  @Test
  void aClosedDatabaseIsAnMcpExceptionNotACrash() throws Exception {
    ToolPinStore s = store();
    db.close();

    assertThatThrownBy(() -> s.find("srv", "echo")).isInstanceOf(McpException.class)
        .hasMessageContaining("mcp_tool_pins");
  }
}
