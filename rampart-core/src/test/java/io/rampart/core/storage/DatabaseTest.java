package io.rampart.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.Secret;
import io.rampart.core.config.StorageConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  private static final String PASSWORD = "s3cr3t-P4ssw0rd";

  @TempDir Path dir;

  @Test
  void embeddedH2CreatesAnOwnerOnlyDataDirAndMigrates() throws Exception {
    Path data = dir.resolve("nested/data");
    try (Database db = Database.open(StorageConfig.DEFAULT, data)) {
      assertThat(db.dialect()).isEqualTo(Dialect.H2);
      assertThat(Files.getPosixFilePermissions(data))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
      assertThat(Files.exists(data.resolve("rampart.mv.db"))).isTrue();
      assertThat(count(db, "SELECT COUNT(*) FROM events")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM api_tokens")).isZero();
      assertThat(db).hasToString("Database[H2 " + data + "]");
    }
    // Reopening runs no migration twice; a second open in the same JVM shares the file.
    Database first = Database.open(StorageConfig.DEFAULT, data);
    try (Database second = Database.open(StorageConfig.DEFAULT, data)) {
      execute(first, "INSERT INTO api_tokens (id, name, role, kind, secret_hash, created_at)"
          + " VALUES ('aaaaaaaaaaaa', 'n', 'admin', 'issued', 'x', CURRENT_TIMESTAMP)");
      first.close();
      first.close(); // idempotent
      assertThat(count(second, "SELECT COUNT(*) FROM api_tokens")).isEqualTo(1);
    }
  }

  @Test
  void dataDirThatIsAFileIsReported() throws IOException {
    Path file = Files.createFile(dir.resolve("data"));
    assertThatThrownBy(() -> Database.open(StorageConfig.DEFAULT, file))
        .isInstanceOf(StorageException.class)
        .hasMessage("storage.data-dir: " + file + ": is a file (expected: a directory)");
    Path below = file.resolve("sub");
    assertThatThrownBy(() -> Database.open(StorageConfig.DEFAULT, below))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("storage.data-dir: " + below + ": cannot create directory (")
        .hasMessageEndingWith("expected: a writable directory)");
  }

  @Test
  void corruptDatabaseFileIsReported() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.write(data.resolve("rampart.mv.db"), new byte[] {'H', '2', 0, 1, 2, 3, 4, 5, 6, 7});
    assertThatThrownBy(() -> Database.open(StorageConfig.DEFAULT, data))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("storage.data-dir: " + data + ": cannot open (")
        .hasMessageContaining("corrupt");
  }

  @Test
  void failedMigrationIsReported() throws SQLException {
    Path data = dir.resolve("data");
    try (Connection c = DriverManager.getConnection(
            "jdbc:h2:file:" + data.resolve("rampart"), "sa", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE events (unrelated INT)");
    }
    assertThatThrownBy(() -> Database.open(StorageConfig.DEFAULT, data))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("storage.data-dir: " + data + ": migration failed (");
  }

  @Test
  void unreachablePostgresNamesTheUrlButNeverThePassword() throws IOException {
    int port = freePort();
    String url = "jdbc:postgresql://localhost:" + port + "/rampart";
    StorageConfig config = new StorageConfig(url, "rampart", Secret.of(PASSWORD), 2);
    assertThatThrownBy(() -> Database.open(config, dir))
        .isInstanceOf(StorageException.class)
        .hasMessage("storage.url: " + url + ": cannot connect (connection refused)")
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(PASSWORD));

    StorageConfig inUrl = new StorageConfig(
        url + "?user=rampart&password=" + PASSWORD, "", Secret.empty(), 2);
    assertThatThrownBy(() -> Database.open(inUrl, dir))
        .isInstanceOf(StorageException.class)
        .hasMessage("storage.url: " + url + "?user=rampart&password=<redacted>"
            + ": cannot connect (connection refused)");
  }

  @Test
  void postgresOpensMigratesAndReportsAMissingDatabase() throws SQLException {
    StorageConfig config = TestPostgres.newDatabase();
    try (Database db = Database.open(config, dir)) {
      assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
      assertThat(count(db, "SELECT COUNT(*) FROM events")).isZero();
    }
    String missing = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/no_such_db";
    StorageConfig wrong = new StorageConfig(missing, "postgres", Secret.of(PASSWORD), 2);
    assertThatThrownBy(() -> Database.open(wrong, dir))
        .isInstanceOf(StorageException.class)
        .hasMessage("storage.url: " + missing + ": cannot connect (database does not exist)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort(); // closed again: nothing listens there
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static long count(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
