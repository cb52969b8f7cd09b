package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --connect} against {@link FakeMcpServer} started as a real child process. */
class ConnectTest {
  static final GuardEngine GUARD = GuardEngine.create(GuardConfig.builder().model(GuardConfig.ModelMode.DISABLED).build());
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  Path config(String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var m = new ObjectMapper();
    var root = m.createObjectNode();
    var server = root.putObject("mcpServers").putObject("fake").put("command", java);
    server.putArray("args").add("-cp").add(System.getProperty("java.class.path")).add(FakeMcpServer.class.getName()).add(mode);
    server.putObject("env").put("FAKE_HOME", "${env:FAKE_HOME}");
    return Files.writeString(dir.resolve("mcp.json"), m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  int run(String mode, Duration timeout) throws IOException {
    McpScanOptions o = McpScanOptions.builder().home(dir).baseDir(dir).env(Map.of("FAKE_HOME", "/tmp"))
        .connect(true).connectTimeout(timeout).guard(GUARD).format(ReportFormat.JSON).build();
    return McpScanRunner.run(List.of(config(mode)), o, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void benignServerListsToolsWithoutFindings() throws IOException {
    assertThat(run("benign", Duration.ofSeconds(20))).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("fake: 1 tool(s) listed");
  }

  @Test
  void poisonedToolOnTheSecondPageIsReported() throws IOException {
    assertThat(run("poisoned", Duration.ofSeconds(20))).isEqualTo(1);
    var report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(report.at("/findings/0/rule").asText()).isEqualTo("mcp.tool-poisoning");
    assertThat(report.at("/findings/0/message").asText()).contains("notes.description");
    assertThat(report.at("/findings/0/catalog").toString()).contains("AML.T0110");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("fake: 2 tool(s) listed");
  }

  @Test
  void silentServerTimesOutAndIsKilled() throws IOException {
    long before = ProcessHandle.current().children().count();
    assertThat(run("silent", Duration.ofMillis(1500))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("mcp.connect-failed").contains("no answer within 1500 ms");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThanOrEqualTo(before);
  }

  @Test
  void garbageAndMissingCommandsAreFindingsNotCrashes() throws IOException {
    run("garbage", Duration.ofSeconds(20));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("mcp.connect-failed").contains("json:");
    String probe = new StdioProbe(Map.of(), Duration.ofSeconds(5)).resolve("${input:x}").orElse("unresolved");
    assertThat(probe).isEqualTo("unresolved");
    try {
      new StdioProbe(Map.of(), Duration.ofSeconds(5)).listTools(List.of(dir.resolve("no-such-binary").toString()), Map.of());
    } catch (McpException e) {
      assertThat(e.getMessage()).contains("could not start");
      return;
    }
    throw new AssertionError("expected a start failure");
  }
}
