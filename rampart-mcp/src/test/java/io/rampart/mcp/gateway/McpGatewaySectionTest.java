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
  void tlsBindsLikeTheModelGatewaysWithRelativePathsBesideTheFile(@TempDir Path dir)
      throws Exception {
    TestCertificates.generate(dir.resolve("mcp.p12"), "localhost");
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          tls: { keystore: mcp.p12, keystore-password: changeit }
          api-keys:
            - principal: svc
              client-certificate: svc-client
        """);

    McpGatewayConfig c = ConfigLoader.load(f, Map.of()).extension(McpGatewaySection.INSTANCE);

    assertThat(c.tls()).hasValueSatisfying(
        t -> assertThat(t.keystore()).contains(dir.resolve("mcp.p12")));
    assertThat(c.apiKeys().getFirst().clientCertificate()).isEqualTo("svc-client");
    assertThat(new McpGatewaySection().write(c).toString()).doesNotContain("changeit");
  }

  @Test
  void badTlsFilesAreReportedAtLoadWithWhatWasExpected(@TempDir Path dir) throws Exception {
    TestCertificates.generate(dir.resolve("mcp.p12"), "localhost");
    Files.writeString(dir.resolve("not-a-key.pem"), "hello\n");
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          tls:
            certificate: missing.crt
            private-key: not-a-key.pem
            client-ca: /no/such/ca.pem
        """);
    Path wrongPassword = dir.resolve("wrong.yaml");
    Files.writeString(wrongPassword, """
        mcp-gateway:
          tls: { keystore: mcp.p12, keystore-password: not-the-password }
        """);

    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mcp-gateway.tls.certificate: " + dir.resolve("missing.crt")
            + " (expected: a readable file holding a PEM certificate chain)")
        .hasMessageContaining("mcp-gateway.tls.client-ca: /no/such/ca.pem (expected: a readable"
            + " file holding PEM CA certificates)");
    assertThatThrownBy(() -> ConfigLoader.load(wrongPassword, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mcp-gateway.tls: cannot load key material")
        .hasMessageContaining("(expected: a PKCS#12 key store with its password")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void stdioLimitsBindAndABadOneIsReported(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          stdio: { idle-timeout: 2m, max-sessions: 3, kill-grace: 1s }
        """);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        mcp-gateway:
          stdio: { max-sessions: 0 }
        """);

    assertThat(McpGatewayConfig.DEFAULT.stdio().idleTimeout())
        .isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(ConfigLoader.load(f, Map.of()).extension(McpGatewaySection.INSTANCE).stdio())
        .isEqualTo(new StdioLimits(java.time.Duration.ofMinutes(2), 3,
            java.time.Duration.ofSeconds(1)));
    assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mcp-gateway.stdio.max-sessions: invalid value (expected: 1 or more)");
  }

  @Test
  void theBoundsOfABridgedSessionsStreamAreConfigurable(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("rampart.yaml");
    Files.writeString(f, """
        mcp-gateway:
          stdio: { stream-messages: 32, stream-bytes: 65536 }
        """);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        mcp-gateway:
          stdio: { stream-messages: 0 }
        """);

    StdioLimits limits = ConfigLoader.load(f, Map.of()).extension(McpGatewaySection.INSTANCE)
        .stdio();
    assertThat(limits.streamMessages()).isEqualTo(32);
    assertThat(limits.streamBytes()).isEqualTo(65_536L);
    assertThat(limits.idleTimeout()).isEqualTo(StdioLimits.DEFAULT.idleTimeout());
    assertThat(StdioLimits.DEFAULT.streamMessages()).isEqualTo(256);
    assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mcp-gateway.stdio.stream-messages: invalid value (expected: 1..1000000)");
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
