package io.rampart.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.cli.RampartCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class McpScanCommandTest {
  @TempDir Path dir;

  @Test
  void reportsRiskyServersWithoutPrintingSecrets() throws Exception {
    String secret = "ghp_" + "R4nd0mL00k1ngT0k3nV4lu3AbCdEfGh12345";
    Files.writeString(dir.resolve("mcp.json"), """
        {
          "mcpServers": {
            "github": {
              "command": "npx",
              "args": ["-y", "@modelcontextprotocol/server-github"],
              "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "%s"}
            }
          }
        }
        """.formatted(secret));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = RampartCommand.newCommandLine(Map.of());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("mcp", "scan", "--format", "json", dir.toString());
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("mcp.plaintext-secret").contains("mcp.unpinned-package");
    assertThat(out.toString() + err).doesNotContain(secret);
  }

  @Test
  void cleanConfigExitsZero() throws Exception {
    Files.writeString(dir.resolve("mcp.json"), """
        {"mcpServers": {"time": {"command": "uvx", "args": ["mcp-server-time==0.6.2"]}}}
        """);
    CommandLine cl = RampartCommand.newCommandLine(Map.of());
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute("mcp", "scan", "--fail-on", "medium", dir.toString())).isZero();
  }
}
