package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.config.RampartConfig;
import io.rampart.mcp.JdbcToolPinStore;
import io.rampart.mcp.ToolPin;
import io.rampart.server.app.Services;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpApproveCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  static ToolPin pin(String description) throws Exception {
    return ToolPin.of("everything", JSON.readTree(
        "{\"name\":\"echo\",\"description\":\"" + description + "\"}"));
  }

  @Test
  void approveMakesThePendingDefinitionThePinAndRecordsWhoDidIt() throws Exception {
    try (Services s = Services.open(RampartConfig.defaults().withDataDir(dataDir), Clock.systemUTC())) {
      JdbcToolPinStore pins = JdbcToolPinStore.create(s.database().dataSource(), Clock.systemUTC());
      pins.putIfAbsent(pin("v1"));
      pins.markPending(pin("v2"));
    }

    Cli.Result before = run("mcp", "pins", "--server", "everything");
    Cli.Result approved = run("mcp", "approve", "--server", "everything", "--tool", "echo");
    Cli.Result again = run("mcp", "approve", "--server", "everything", "--tool", "echo");
    Cli.Result after = run("mcp", "pins", "--server", "everything");

    assertThat(before.out()).contains("echo").contains("pending " + pin("v2").sha256());
    assertThat(approved.exitCode()).isZero();
    assertThat(approved.out()).contains(pin("v2").sha256());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("no pending change");
    assertThat(after.out()).contains(pin("v2").sha256()).doesNotContain("pending");
    assertThat(run("events", "list", "--type", "mcp.tool.approved").out()).contains("cli");
  }
}
