package io.rampart.core.storage;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rampart.core.config.StorageConfig;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open, migrated SQL database with a connection pool: embedded H2 under the data directory
 * by default, or PostgreSQL when {@code storage.url} is a {@code jdbc:postgresql:} URL. Opening
 * runs the Flyway migrations under {@code db/migration}. Thread-safe; close it last, after the
 * components that use it.
 */
public final class Database implements AutoCloseable {

  /**
   * Options for the embedded H2 file database.
   *
   * <ul>
   *   <li>{@code WRITE_DELAY=0}: H2 has no redo log; by default it writes committed changes to
   *       the file up to 500 ms later, so a killed process loses acknowledged commits. With 0,
   *       every commit writes its changes to the file before it returns, which the event log's
   *       group commit makes affordable. (H2 does not fsync per commit: the data survives a
   *       killed process, not necessarily a power cut; use PostgreSQL where that matters.)
   *   <li>No {@code AUTO_SERVER}: it would make the first process serve the file over TCP on all
   *       interfaces, guarded only by a key in the lock file. A security product should not open
   *       a database port as a side effect, so a second process (the CLI while the server runs)
   *       gets a clear "in use" error and is pointed at the API instead.
   *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: Rampart closes the database itself after its
   *       components, so appends in flight at shutdown are not cut off by H2's own hook.
   *   <li>{@code LOCK_TIMEOUT=10000}: row-lock waits (token updates, purges) get 10 s, not 1 s.
   * </ul>
   */
  static final String H2_OPTIONS =
      ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

  private static final String EMBEDDED_USER = "sa";

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final String description;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(HikariDataSource dataSource, Dialect dialect, String description) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.description = description;
  }

  /**
   * Opens (creating if needed) and migrates the database {@code config} names. An empty URL
   * means the embedded H2 database {@code dataDir/rampart} (durable commits, one process at a
   * time); a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL is
   * used as given.
   *
   * @throws StorageException when the data directory cannot be created, the database cannot be
   *     reached or opened, or a migration fails
   */
  public static Database open(StorageConfig config, Path dataDir) {
    requireNonNull(config, "config");
    requireNonNull(dataDir, "dataDir");
    String url;
    String field;
    String shown;
    Dialect dialect;
    String user = config.username();
    if (config.url().isEmpty()) {
      Path dir = createDataDir(dataDir.toAbsolutePath().normalize());
      Path file = dir.resolve("rampart");
      url = "jdbc:h2:file:" + file + H2_OPTIONS;
      field = "storage.data-dir";
      shown = dir.toString();
      dialect = Dialect.H2;
      user = user.isEmpty() ? EMBEDDED_USER : user;
    } else {
      url = config.url();
      field = "storage.url";
      shown = DatabaseErrors.redactUrl(url);
      dialect = url.startsWith("jdbc:h2:") ? Dialect.H2 : Dialect.POSTGRESQL;
    }
    DatabaseErrors errors = new DatabaseErrors(field, shown, config.password());
    HikariDataSource pool = connect(config, url, user, dialect, errors);
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw errors.migrationFailed(e);
    }
    return new Database(pool, dialect, dialect + " " + shown);
  }

  /** The pooled data source; connections go back to the pool on {@code close()}. */
  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Closes the pool. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      dataSource.close();
    }
  }

  /** The dialect and where the database is, never a password. */
  @Override
  public String toString() {
    return "Database[" + description + "]";
  }

  private static Path createDataDir(Path dir) {
    if (dir.toString().contains(";")) {
      // ';' separates H2 URL options: such a path would silently change the settings above.
      throw new StorageException(
          "storage.data-dir: " + dir + ": unusable (expected: a path without ';')");
    }
    if (Files.isDirectory(dir)) {
      return dir;
    }
    if (Files.exists(dir)) {
      throw new StorageException(
          "storage.data-dir: " + dir + ": is a file (expected: a directory)");
    }
    try {
      Path parent = dir.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // Owner-only: the database files and H2's lock file (with its server key) live here.
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
      return dir;
    } catch (FileAlreadyExistsException e) {
      if (Files.isDirectory(dir)) {
        return dir; // created concurrently by another process
      }
      throw new StorageException(
          "storage.data-dir: " + dir + ": cannot create directory (" + e.getFile()
              + " is a file; expected: a writable directory)",
          e);
    } catch (IOException | SecurityException e) {
      throw new StorageException(
          "storage.data-dir: " + dir + ": cannot create directory ("
              + DatabaseErrors.brief(e) + "; expected: a writable directory)",
          e);
    }
  }

  private static HikariDataSource connect(
      StorageConfig config, String url, String user, Dialect dialect, DatabaseErrors errors) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("rampart-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    hikari.setJdbcUrl(url);
    hikari.setUsername(user);
    hikari.setPassword(config.password().reveal());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(10_000);
    // Fail on open, with one clear message, instead of on first use.
    hikari.setInitializationFailTimeout(1);
    hikari.setDriverClassName(
        dialect == Dialect.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw errors.cannotOpen(e);
    }
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
