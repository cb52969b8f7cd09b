package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.event.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpScanRunnerTest {
  static final String SLACK = "xoxb-30917482561-" + "708293746150-Ab3De5Gh7Jk9Lm1No3Pq5Rs7";
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  McpScanOptions.Builder options() {
    return McpScanOptions.builder().home(dir.resolve("home")).baseDir(dir).osName("Linux").env(Map.of())
        .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
  }

  int run(List<Path> paths, McpScanOptions o) {
    return McpScanRunner.run(paths, o, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  Path repo() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo/.vscode"));
    Files.writeString(repo.resolve("mcp.json"), """
        {
          "servers": {
            "slack": {"command": "npx", "args": ["-y", "slack-mcp"], "env": {"SLACK_BOT_TOKEN": "%s"}}
          }
        }
        """.formatted(SLACK));
    return repo.getParent();
  }

  @Test
  void missingPathIsAUsageError() {
    assertThat(run(List.of(dir.resolve("nope")), options().build())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("path: ").contains("(expected: an existing file or directory)");
  }

  @Test
  void textReportAndFailOnThresholds() throws IOException {
    Path repo = repo();
    assertThat(run(List.of(repo), options().build())).isEqualTo(1);
    assertThat(out()).contains("Scanned 1 file(s): 1 server(s), 2 finding(s).")
        .contains("slack (vscode) repo/.vscode/mcp.json:3")
        .contains("env: SLACK_BOT_TOKEN").contains("CRITICAL mcp.plaintext-secret").contains("MEDIUM   mcp.unpinned-package")
        .doesNotContain(SLACK);
    out.reset();
    Files.writeString(repo.resolve(".vscode/mcp.json"), "{\"servers\": {\"s\": {\"command\": \"npx\", \"args\": [\"slack-mcp\"]}}}");
    assertThat(run(List.of(repo), options().failOn(Severity.HIGH).build())).isZero();
    assertThat(run(List.of(repo), options().failOn(Severity.MEDIUM).build())).isEqualTo(1);
  }

  @Test
  void jsonReportNamesKeysNeverValues() throws IOException {
    run(List.of(repo()), options().format(ReportFormat.JSON).build());
    JsonNode r = new ObjectMapper().readTree(out());
    assertThat(r.get("scannedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(r.at("/servers/0/envKeys/0").asText()).isEqualTo("SLACK_BOT_TOKEN");
    assertThat(r.at("/findings/0/rule").asText()).isEqualTo("mcp.plaintext-secret");
    assertThat(r.at("/findings/0/line").asInt()).isEqualTo(3);
    assertThat(r.at("/findings/0/catalog").toString()).contains("LLM02");
    assertThat(out()).doesNotContain(SLACK);
  }

  @Test
  void sarifHasWhatGithubCodeScanningNeeds() throws IOException {
    run(List.of(repo()), options().format(ReportFormat.SARIF).build());
    JsonNode s = new ObjectMapper().readTree(out());
    assertThat(s.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = s.at("/runs/0");
    assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("mcp.plaintext-secret", "mcp.unpinned-package",
        "mcp.insecure-transport", "mcp.no-auth", "mcp.broad-filesystem-root", "mcp.shell-launcher");
    assertThat(run.at("/tool/driver/rules/0/shortDescription/text").asText()).isNotBlank();
    assertThat(run.at("/tool/driver/rules/0/helpUri").asText()).startsWith("https://");
    JsonNode result = run.at("/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("mcp.plaintext-secret");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/message/text").asText()).contains("SLACK_BOT_TOKEN");
    assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("repo/.vscode/mcp.json");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    assertThat(run.at("/results/1/level").asText()).isEqualTo("warning");
  }

  @Test
  void withoutPathsTheUsersDefaultLocationsAreRead() throws IOException {
    Path cursor = Files.createDirectories(dir.resolve("home/.cursor"));
    Files.writeString(cursor.resolve("mcp.json"), "{\"mcpServers\": {\"ok\": {\"command\": \"/opt/bin/server\"}}}");
    assertThat(run(List.of(), options().build())).isZero();
    assertThat(out()).contains("1 server(s), 0 finding(s)").contains("ok (cursor)");
    assertThat(McpConfigLocations.userDefaults(Path.of("/Users/a"), "Mac OS X", Map.of()))
        .contains(Path.of("/Users/a/Library/Application Support/Claude/claude_desktop_config.json"),
            Path.of("/Users/a/.codeium/windsurf/mcp_config.json"), Path.of("/Users/a/Library/Application Support/Code/User/mcp.json"));
    assertThat(McpConfigLocations.userDefaults(Path.of("/h"), "Linux", Map.of("XDG_CONFIG_HOME", "/x")))
        .contains(Path.of("/x/Claude/claude_desktop_config.json"), Path.of("/x/Code/User/settings.json"));
  }

  @Test
  void nothingFoundIsSaidAndAnInvalidFileFailsTheRun() throws IOException {
    assertThat(run(List.of(), options().build())).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no MCP client configuration found");
    Path bad = Files.writeString(dir.resolve("mcp.json"), "{\"mcpServers\": ");
    assertThat(run(List.of(bad), options().build())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("mcp.json: line 1:").contains("(expected: JSON)");
  }
}
