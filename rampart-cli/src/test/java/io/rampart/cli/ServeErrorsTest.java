package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rampart serve} refuses bad input with one clear line and exit code 1. */
class ServeErrorsTest {
  @TempDir Path dir;

  @Test
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli.Result r = Cli.run("--data-dir", dir.toString(), "serve", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains(String.valueOf(taken.getLocalPort())).contains("already in use");
    }
  }

  @Test
  void malformedYaml() throws Exception {
    Path file = dir.resolve("rampart.yaml");
    Files.writeString(file, "server: {port: 8080\n");
    Cli.Result r = Cli.run("--config", file.toString(), "serve");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("rampart.yaml:");
  }

  @Test
  void unknownKey() throws Exception {
    Path file = dir.resolve("rampart.yaml");
    Files.writeString(file, "sever:\n  port: 8080\n");
    Cli.Result r = Cli.run("--config", file.toString(), "serve");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("rampart.yaml:1: sever").contains("server");
  }

  @Test
  void unreachablePostgres() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Path file = dir.resolve("rampart.yaml");
    Files.writeString(file, """
        storage:
          url: jdbc:postgresql://127.0.0.1:%d/rampart
          username: rampart
          password: s3cret-pw-value
        """.formatted(closedPort));
    Cli.Result r = Cli.run("--config", file.toString(), "serve", "--port", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("storage.url").doesNotContain("s3cret-pw-value");
  }
}
