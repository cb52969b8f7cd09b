package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.storage.Backend;
import io.rampart.core.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on an embedded PostgreSQL (core's {@link Backend}, migrated by the same Flyway
 * scripts, V3), plus what a shared database adds: two gateways on one database see each other's
 * pins and approvals, and racing first sights pin once.
 */
class JdbcToolPinStorePostgresTest extends ToolPinStoreContract {
  @TempDir Path dir;
  Database db;

  @Override
  ToolPinStore store() {
    if (db == null) {
      db = Backend.POSTGRESQL.open(dir); // a fresh database per test
    }
    return JdbcToolPinStore.create(db.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void twoGatewaysOnOneDatabaseSeeEachOthersPinsAndApprovals() throws Exception {
    ToolPinStore a = store();
    ToolPinStore b = store();
    assertThat(a.putIfAbsent(pin("echo", "v1"))).isTrue();
    assertThat(b.putIfAbsent(pin("echo", "v1"))).isFalse();

    b.markPending(pin("echo", "v2"));
    assertThat(a.pending("srv", "echo")).contains(pin("echo", "v2"));
    assertThat(a.approve("srv", "echo")).contains(pin("echo", "v2"));

    assertThat(b.find("srv", "echo")).contains(pin("echo", "v2"));
    assertThat(b.compare(pin("echo", "v2"))).isInstanceOf(PinComparison.Unchanged.class);
  }

  @Test
  void racingFirstSightsPinExactlyOnce() throws Exception {
    ToolPinStore s = store();
    int writers = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String version = "v" + i;
        Callable<Boolean> pinIt = () -> {
          go.await();
          return s.putIfAbsent(pin("race", version));
        };
        results.add(pool.submit(pinIt));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get() ? 1 : 0; // a loser answers false, never an exception
      }

      assertThat(won).isEqualTo(1);
      assertThat(s.list("srv")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedDatabaseIsAnMcpExceptionNotACrash() throws Exception {
    ToolPinStore s = store();
    db.close();

    assertThatThrownBy(() -> s.find("srv", "echo")).isInstanceOf(McpException.class)
        .hasMessageContaining("mcp_tool_pins");
  }
}
