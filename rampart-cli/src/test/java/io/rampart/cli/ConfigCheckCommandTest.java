package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
  @TempDir Path dir;

  @Test
  void validFilePrintsEffectiveConfigWithSecretsRedacted() throws Exception {
    Path file = write("rampart.yaml", """
        server:
          port: ${API_PORT:-9000}
        storage:
          url: jdbc:postgresql://db.internal:5432/rampart
          username: rampart
          password: ${DB_PASSWORD}
        """);
    Cli.Result r = Cli.run(Map.of("DB_PASSWORD", "hunter2-very-secret"), "config", "check", file.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("valid").contains("port: 9000").contains("<redacted>");
    assertThat(r.out() + r.err()).doesNotContain("hunter2-very-secret");
  }

  @Test
  void invalidFileReportsEveryProblemWithItsLineAndExitsOne() throws Exception {
    Path file = write("rampart.yaml", """
        server:
          port: 70000
          hots: 127.0.0.1
        events:
          retention: forever
        """);
    Cli.Result r = Cli.run("config", "check", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("rampart.yaml:2: server.port")
        .contains("rampart.yaml:3: server.hots")
        .contains("host")
        .contains("rampart.yaml:5: events.retention");
  }

  @Test
  void malformedYamlNamesTheLine() throws Exception {
    Path file = write("bad.yaml", "server:\n  port: [1, 2\n");
    Cli.Result r = Cli.run("config", "check", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml:");
  }

  @Test
  void missingFileIsAClearError() {
    Cli.Result r = Cli.run("config", "check", dir.resolve("nope.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("nope.yaml").contains("cannot read");
  }

  @Test
  void unsetVariableIsAnError() throws Exception {
    Path file = write("rampart.yaml", "storage:\n  password: ${NOT_SET_ANYWHERE}\n");
    Cli.Result r = Cli.run(Map.of(), "config", "check", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("rampart.yaml:2").contains("NOT_SET_ANYWHERE");
  }

  @Test
  void checkWithoutFileIsAUsageError() {
    Cli.Result r = Cli.run("config", "check");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("FILE");
  }

  @Test
  void globalConfigOptionIsUsedWhenNoFileIsGiven() throws Exception {
    Path file = write("rampart.yaml", "server:\n  port: 9123\n");
    Cli.Result r = Cli.run("--config", file.toString(), "config", "check");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("9123");
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
