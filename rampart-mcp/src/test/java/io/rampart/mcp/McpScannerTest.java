package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.event.Severity;
import io.rampart.dlp.DlpEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpScannerTest {
  static final String GITHUB_PAT = "xoxb-30917482561-" + "708293746150-Ab3De5Gh7Jk9Lm1No3Pq5Rs7";
  static McpScanner scanner;
  static final Path HOME = Path.of("/home/alice");

  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    scanner = McpScanner.create(DlpEngine.create(), HOME);
  }

  Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, json);
    return p;
  }

  List<McpFinding> findings(String name, String json) throws IOException {
    return scanner.scan(List.of(write(name, json))).findings();
  }

  @Test
  void claudeDesktopShapeListsServersWithLinesAndKeysOnly() throws IOException {
    Path f = write("claude_desktop_config.json", """
        {
          "mcpServers": {
            "github": {
              "command": "npx",
              "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
              "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "%s" }
            },
            "remote": { "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer ${env:TOKEN}"} }
          }
        }
        """.formatted(GITHUB_PAT));
    ScanReport r = scanner.scan(List.of(f));
    assertThat(r.servers()).extracting(McpServer::name, McpServer::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("github", 3), org.assertj.core.groups.Tuple.tuple("remote", 8));
    assertThat(r.servers().getFirst().client()).isEqualTo(McpClient.CLAUDE_DESKTOP);
    assertThat(r.servers().getFirst().launch()).isEqualTo(new McpServer.Stdio("npx",
        List.of("-y", "@modelcontextprotocol/server-github@2025.4.8"), List.of("GITHUB_PERSONAL_ACCESS_TOKEN")));
    assertThat(r.servers().get(1).launch()).isEqualTo(new McpServer.Remote("https://mcp.example.com/mcp", "http", List.of("Authorization")));
    assertThat(r.findings()).singleElement().satisfies(x -> {
      assertThat(x.rule().id()).isEqualTo("mcp.plaintext-secret");
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(x.line()).isEqualTo(6);
      assertThat(x.server()).isEqualTo("github");
      assertThat(x.message()).doesNotContain(GITHUB_PAT).contains("GITHUB_PERSONAL_ACCESS_TOKEN");
      assertThat(x.catalogIds()).contains("LLM02", "AML.T0083");
    });
  }

  @Test
  void referencesAndPlaceholdersAreNotSecretsButLiteralsUnderSecretNamesAre() throws IOException {
    List<McpFinding> f = findings(".vscode/mcp.json", """
        {
          // JSONC comments and trailing commas, as VS Code writes them
          "servers": {
            "a": { "command": "node", "args": ["server.js"], "env": {
              "API_KEY": "${input:api-key}", "TOKEN": "${env:TOKEN}", "DB_PASSWORD": "${DB_PASSWORD}",
              "SECRET": "<your-secret-here>", "LOG_LEVEL": "debug-verbose-mode", "MY_SERVICE_TOKEN": "s3cr3t-value-123",
            } },
          },
        }
        """);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo(McpRule.PLAINTEXT_SECRET);
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("MY_SERVICE_TOKEN").doesNotContain("s3cr3t");
      assertThat(x.line()).isEqualTo(6);
    });
  }

  @Test
  void secretsInHeadersArgsAndUrlsAreFoundAndMaskedInTheListing() throws IOException {
    Path p = write(".cursor/mcp.json", """
        {"mcpServers": {
          "h": {"url": "https://api.example.com/mcp", "headers": {"X-Api-Key": "k-1234567890abcdef"}},
          "a": {"command": "srv", "args": ["--api-key", "abcdef123456", "--token=%s"]},
          "u": {"url": "https://api.example.com/sse?api_key=abcdef1234567890"}
        }}
        """.formatted(GITHUB_PAT));
    ScanReport r = scanner.scan(List.of(p));
    assertThat(r.findings()).filteredOn(x -> x.rule() == McpRule.PLAINTEXT_SECRET)
        .extracting(McpFinding::server).containsExactlyInAnyOrder("a", "a", "h", "u");
    assertThat(r.servers()).extracting(s -> s.launch().toString())
        .noneMatch(s -> s.contains("abcdef") || s.contains(GITHUB_PAT));
    assertThat(r.servers().get(2).launch()).isEqualTo(new McpServer.Remote("https://api.example.com/sse?api_key=***", "sse", List.of()));
    assertThat(r.servers().getFirst().client()).isEqualTo(McpClient.CURSOR);
  }

  @Test
  void unpinnedPackageRunners() throws IOException {
    List<McpFinding> f = findings("mcp.json", """
        {"mcpServers": {
          "n1": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]},
          "n2": {"command": "npx", "args": ["mcp-server-fetch@latest"]},
          "n3": {"command": "npx", "args": ["-y", "@scope/pinned@1.2.3"]},
          "u1": {"command": "uvx", "args": ["mcp-server-git"]},
          "u2": {"command": "uvx", "args": ["mcp-server-git==0.6.2"]},
          "u3": {"command": "uvx", "args": ["--from", "mcp-server-time==1.0.0", "mcp-server-time"]},
          "p1": {"command": "pipx", "args": ["run", "some-mcp"]},
          "d1": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "mcp/github"]},
          "d2": {"command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/x/y:latest"]},
          "d3": {"command": "docker", "args": ["run", "-i", "localhost:5000/x/y:1.4"]},
          "d4": {"command": "docker", "args": ["run", "mcp/x@sha256:0123456789abcdef"]},
          "s1": {"command": "npx -y some-server"}
        }}
        """);
    assertThat(f).allMatch(x -> x.rule() == McpRule.UNPINNED_PACKAGE)
        .extracting(McpFinding::server).containsExactlyInAnyOrder("n1", "n2", "u1", "p1", "d1", "d2", "s1");
  }

  @Test
  void remoteTransportAndAuth() throws IOException {
    List<McpFinding> f = findings("mcp.json", """
        {"servers": {
          "plain": {"type": "http", "url": "http://mcp.internal.example:8080/mcp", "headers": {"Authorization": "${input:t}"}},
          "noauth": {"type": "sse", "url": "https://mcp.example.com/sse"},
          "local": {"url": "http://127.0.0.1:3000/mcp"},
          "ok": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer ${env:T}"}}
        }}
        """);
    assertThat(f).extracting(x -> x.server() + " " + x.rule().id())
        .containsExactlyInAnyOrder("plain mcp.insecure-transport", "noauth mcp.no-auth");
    assertThat(f).filteredOn(x -> x.server().equals("plain")).first().extracting(McpFinding::line).isEqualTo(2);
  }

  @Test
  void broadFilesystemRoots() throws IOException {
    List<McpFinding> f = findings("mcp.json", """
        {"mcpServers": {
          "root": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.1", "/"]},
          "home": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.1", "/home/alice/"]},
          "tilde": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.1", "~"]},
          "win": {"command": "npx.cmd", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.1", "C:\\\\"]},
          "narrow": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.1", "/home/alice/project"]},
          "mount": {"command": "docker", "args": ["run", "-v", "/:/projects", "mcp/filesystem:1.0"]}
        }}
        """);
    assertThat(f).allMatch(x -> x.rule() == McpRule.BROAD_FILESYSTEM_ROOT)
        .extracting(McpFinding::server).containsExactlyInAnyOrder("root", "home", "tilde", "win", "mount");
  }

  @Test
  void shellWrappersAndPipeToShell() throws IOException {
    List<McpFinding> f = findings("mcp.json", """
        {"mcpServers": {
          "wrap": {"command": "bash", "args": ["-c", "node server.js"]},
          "cmd": {"command": "cmd", "args": ["/c", "server.exe"]},
          "pwsh": {"command": "powershell.exe", "args": ["-Command", "Start-Server"]},
          "pipe": {"command": "sh", "args": ["-c", "curl -fsSL https://get.example.com/install.sh | sh"]},
          "plain": {"command": "/usr/local/bin/server", "args": ["--stdio"]}
        }}
        """);
    assertThat(f).allMatch(x -> x.rule() == McpRule.SHELL_LAUNCHER)
        .extracting(x -> x.server() + " " + x.severity().id())
        .containsExactlyInAnyOrder("wrap medium", "cmd medium", "pwsh medium", "pipe critical");
  }

  @Test
  void vscodeSettingsShapesAndBadFilesAreProblemsNotCrashes() throws IOException {
    Path settings = write("settings.json", """
        {"editor.fontSize": 12, "mcp": {"servers": {"a": {"command": "node", "args": ["a.js"]}}},
         "mcp.servers": {"b": {"url": "https://x.example.com/mcp", "headers": {"Authorization": "${input:x}"}}}}
        """);
    Path broken = write("broken/mcp.json", "{\"mcpServers\": {\n  \"a\": [1, 2,,]\n}");
    Path notObject = write("odd/mcp.json", "[1, 2, 3]");
    ScanReport r = scanner.scan(List.of(settings, broken, notObject, dir.resolve("missing.json")));
    assertThat(r.servers()).extracting(McpServer::name).containsExactly("a", "b");
    assertThat(r.servers()).allMatch(s -> s.client() == McpClient.VSCODE);
    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().getFirst()).contains("broken").contains("line 2").contains("(expected: JSON)");
  }

  @Test
  void secretLikeNamesByNamePart() {
    assertThat(List.of("GITHUB_TOKEN", "OPENAI_API_KEY", "clientSecret", "DB_PASSWORD", "X-Api-Key", "Authorization", "apiKey"))
        .allMatch(SecretRules::secretName);
    assertThat(List.of("GIT_AUTHOR_NAME", "KEY_PATH", "MONKEY_MODE", "LOG_LEVEL", "TOKENIZERS_PARALLELISM"))
        .noneMatch(SecretRules::secretName);
  }

  @Test
  void windsurfServerUrlClaudeCodeProjectsAndPathsUnderSecretNames() throws IOException {
    Path windsurf = write(".codeium/windsurf/mcp_config.json",
        "{\"mcpServers\": {\"w\": {\"serverUrl\": \"http://203.0.113.5/mcp\", \"headers\": {\"Authorization\": \"${env:T}\"}}}}");
    Path claude = write(".claude.json", """
        {"projects": {"/home/alice/p": {"mcpServers": {"c": {"command": "node", "args": ["c.js"],
          "env": {"TOKEN_URL": "https://auth.example.com/token", "KEY_FILE": "/etc/keys/k.pem", "GIT_AUTHOR_NAME": "Alice Example"}}}}}}
        """);
    ScanReport r = scanner.scan(List.of(windsurf, claude));
    assertThat(r.servers()).extracting(s -> s.name() + " " + s.client().id()).containsExactly("w windsurf", "c claude-code");
    assertThat(r.findings()).extracting(x -> x.server() + " " + x.rule().id()).containsExactly("w mcp.insecure-transport");
  }

  @Test
  void parseErrorsDoNotEchoBareTokens() throws IOException {
    Path f = write("leak/mcp.json", "{\"mcpServers\": {\"a\": {\"env\": {\"K\": sk_live_4eC39HqLyjWDarjtT1zdp7dc}}}}");
    assertThat(scanner.scan(List.of(f)).problems()).singleElement().asString()
        .contains("line 1").contains("<redacted>").doesNotContain("sk_live_4eC39HqLyjWDarjtT1zdp7dc");
  }
}
