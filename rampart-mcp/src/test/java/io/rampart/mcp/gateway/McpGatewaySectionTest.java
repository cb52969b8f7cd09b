package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.RampartConfig;
import io.rampart.dlp.EntityTypes;
import io.rampart.dlp.RedactionAction;
import io.rampart.gateway.ApiKeyConfig;
import io.rampart.gateway.Caller;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpGatewaySectionTest {
  static final Map<String, String> ENV = Map.of(
      "MCP_UPSTREAM_URL", "http://127.0.0.1:3001/mcp",
      "RAMPART_GATEWAY_PORT", "0",
      "RAMPART_DEMO_KEY", "alice-key",
      "RAMPART_LIMITED_KEY", "bob-key");
  static final Path EXAMPLE = Path.of("../examples/mcp/rampart.yaml");

  @Test
  void quickstartExampleBindsWithOnlyTheDocumentedEnvironment() {
    RampartConfig rc = ConfigLoader.load(EXAMPLE, ENV);
    McpGatewayConfig c = rc.extension(McpGatewaySection.INSTANCE);

    assertThat(c.enabled()).isTrue();
    assertThat(c.port()).isZero();
    assertThat(c.path()).isEqualTo("/mcp");
    McpServerConfig s = c.servers().getFirst();
    assertThat(s.url()).isEqualTo(URI.create("http://127.0.0.1:3001/mcp"));
    assertThat(c.serverFor("/mcp")).contains(s);
    assertThat(c.serverFor("/mcp/everything")).contains(s);
    assertThat(c.serverFor("/other")).isEmpty();
    assertThat(c.apiKeys()).extracting(ApiKeyConfig::principal).containsExactly("alice", "bob");
    assertThat(c.apiKeys().get(1).sha256()).isEqualTo(ApiKeyConfig.hash("bob-key"));
    assertThat(s.policy().arguments().actionFor(EntityTypes.GITHUB_TOKEN))
        .isInstanceOf(RedactionAction.Block.class);
    assertThat(s.policy().results().actionFor(EntityTypes.GITHUB_TOKEN))
        .isInstanceOf(RedactionAction.Replace.class);

    McpAuthorizer az = McpAuthorizer.fromConfig();
    Caller alice = new Caller("alice", Set.of(), 0);
    Caller bob = new Caller("bob", Set.of(), 0);
    assertThat(az.allows(alice, s, ItemKind.TOOL, "get-env")).isTrue();
    assertThat(az.allows(bob, s, ItemKind.TOOL, "echo")).isTrue();
    assertThat(az.allows(bob, s, ItemKind.TOOL, "get-sum")).isTrue();
    assertThat(az.allows(bob, s, ItemKind.TOOL, "get-env")).isFalse();
    assertThat(az.allows(bob, s, ItemKind.RESOURCE, "demo://resource/static/1")).isFalse();
    assertThat(rc.describe()).doesNotContain("alice-key").doesNotContain("bob-key");
  }

  @Test
  void problemsAreReportedWithTheirLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          enabled: true
          servers:
            - name: Bad Name
              url: http://127.0.0.1:1/mcp
            - name: ok
              url: http://127.0.0.1:1/mcp
              access:
                - tools: [echo]
              policy:
                pin-tool: true
        """);

    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:4")
        .hasMessageContaining("rampart.yaml:9")
        .hasMessageContaining("pin-tool");
  }

  @Test
  void absentSectionIsDisabled(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, "server:\n  port: 0\n");

    assertThat(ConfigLoader.load(f, Map.of()).extension(McpGatewaySection.INSTANCE).enabled())
        .isFalse();
  }

  @Test
  void aStdioServerTakesACommandAndSecretEnvironmentInsteadOfAUrl(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          servers:
            - name: files
              command: [npx, "@modelcontextprotocol/server-filesystem@2025.1.1", /srv/docs]
              env:
                API_TOKEN: ${FILES_TOKEN}
        """);

    McpServerConfig s = ConfigLoader.load(f, Map.of("FILES_TOKEN", "t0ps3cret"))
        .extension(McpGatewaySection.INSTANCE).servers().getFirst();

    assertThat(s.isStdio()).isTrue();
    assertThat(s.command()).containsExactly("npx",
        "@modelcontextprotocol/server-filesystem@2025.1.1", "/srv/docs");
    assertThat(s.env().get("API_TOKEN").reveal()).isEqualTo("t0ps3cret");
    assertThat(s.toString()).doesNotContain("t0ps3cret");
  }

  @Test
  void aServerOfTheOlderSseTransportSaysSoAndAWrongTransportIsReportedWithItsLine(
      @TempDir Path dir) throws Exception {
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          servers:
            - name: legacy
              url: http://127.0.0.1:3001/sse
              transport: sse
            - name: modern
              url: http://127.0.0.1:3001/mcp
        """);
    McpGatewayConfig c = ConfigLoader.load(f, Map.of()).extension(McpGatewaySection.INSTANCE);

    assertThat(c.servers()).extracting(McpServerConfig::transport)
        .containsExactly(McpTransport.SSE, McpTransport.STREAMABLE_HTTP);
    assertThat(McpGatewaySection.INSTANCE.write(c).toString()).contains("transport=sse")
        .contains("transport=streamable-http");

    Files.writeString(f, """
        mcp-gateway:
          servers:
            - name: legacy
              url: http://127.0.0.1:3001/sse
              transport: websocket
            - name: local
              command: [server]
              transport: sse
        """);
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:5")
        .hasMessageContaining("rampart.yaml:8")
        .hasMessageContaining("expected: streamable-http or sse with url, stdio with command");
  }
}
