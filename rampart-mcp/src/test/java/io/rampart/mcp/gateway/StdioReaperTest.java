package io.rampart.mcp.gateway;

import io.rampart.core.event.InMemoryEventLog;
import io.rampart.core.storage.TestClock;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.Secret;
import io.rampart.gateway.ApiKeyConfig;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import io.rampart.mcp.ToolPinStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Idle stdio sessions are ended by the reaper, driven here by an explicit {@link
 * SessionBridge#reap} on a clock the test moves (no sleeps); the per-server session cap answers a
 * JSON-RPC error naming itself.
 */
class StdioReaperTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final TestClock clock = TestClock.at("2026-01-01T10:00:00Z");
  SessionBridge bridge;
  McpGatewayServer gateway;
  final HttpClient client = new HttpClient();

  @AfterEach
  void stop() throws Exception {
    client.stop();
    if (bridge != null) {
      bridge.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  static McpServerConfig server(String mode) {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return McpServerConfig.stdio("local", List.of(javaBin, "-cp",
            System.getProperty("java.class.path"), "io.rampart.mcp.FakeMcpServer", mode))
        .access(new AccessRule(Set.of("alice"), Set.of(), Set.of("*"), Set.of(), Set.of()))
        .build();
  }

  SessionBridge bridge(StdioLimits limits) {
    JsonRpcCodec codec = JsonRpcCodec.create(new JsonRpcLimits(1 << 20, 64, 100));
    return new SessionBridge(codec, new java.util.SplittableRandom(1), StdioSession.opener(codec),
        clock, limits);
  }

  ProcessHandle process(String session) {
    return bridge.channel(session).map(c -> ((StdioSession) c).process()).orElseThrow();
  }

  String initialize(McpServerConfig server) {
    McpUpstream.Answer a = bridge.send(server, "POST", HttpFields.EMPTY,
        rpc(1, "initialize", "{}").getBytes(StandardCharsets.UTF_8), TIMEOUT);
    assertThat(a.status()).isEqualTo(200);
    return a.headers().get("Mcp-Session-Id");
  }

  int ping(McpServerConfig server, String session, int id) {
    return bridge.send(server, "POST", HttpFields.build().put("Mcp-Session-Id", session),
        rpc(id, "ping", "").getBytes(StandardCharsets.UTF_8), TIMEOUT).status();
  }

  @Test
  void aSessionIdleLongerThanTheTimeoutIsEndedWithItsProcess() throws Exception {
    bridge = bridge(
        new StdioLimits(Duration.ofMinutes(10), 4, Duration.ofSeconds(5)));
    McpServerConfig server = server("benign");
    String session = initialize(server);
    ProcessHandle process = process(session);

    clock.advance(Duration.ofMinutes(9));
    assertThat(ping(server, session, 2)).isEqualTo(200); // use restarts the idle time
    clock.advance(Duration.ofMinutes(9));
    assertThat(bridge.reap()).isZero();
    assertThat(process.isAlive()).isTrue();

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(bridge.reap()).isEqualTo(1);

    assertThat(process.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(bridge.channel(session)).isEmpty();
    assertThat(ping(server, session, 3)).isEqualTo(404);
  }

  @Test
  void aProcessThatIgnoresTheRequestToEndIsKilledAfterTheGracePeriod() throws Exception {
    bridge = bridge(
        new StdioLimits(Duration.ofMinutes(1), 4, Duration.ofMillis(200)));
    McpServerConfig server = server("stubborn");
    String session = initialize(server);
    ProcessHandle process = process(session);

    clock.advance(Duration.ofMinutes(2));
    assertThat(bridge.reap()).isEqualTo(1);

    // its shutdown hook never returns: only the forcible kill after 200 ms ends it
    assertThat(process.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void theSessionCapPerServerAnswersAClearErrorFreesUpOnDeleteAndFollowsAReload() throws Exception {
    McpGatewayConfig config = McpGatewayConfig.builder().enabled(true).port(0)
        .server(server("benign"))
        .stdio(new StdioLimits(Duration.ofMinutes(10), 1, Duration.ofSeconds(5)))
        .apiKey(ApiKeyConfig.builder("alice").key(Secret.of(McpHarness.ALICE)).build()).build();
    gateway = McpGatewayServer.create(config, new McpGatewayServices(new InMemoryEventLog(),
        McpHarness.DLP, McpHarness.GUARD, ToolPinStore.inMemory(), McpAuthorizer.fromConfig(),
        clock)).start();
    client.start();

    ContentResponse first = post(null, rpc(1, "initialize", "{}"));
    ContentResponse second = post(null, rpc(1, "initialize", "{}"));

    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(second.getStatus()).isEqualTo(503);
    var error = McpHarness.answer(second, 1).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(McpErrors.POLICY);
    assertThat(error.at("/data/rule").asText()).isEqualTo("mcp.stdio.sessions");
    assertThat(error.path("message").asText())
        .isEqualTo("stdio server local: 1 sessions running (expected: at most 1 at once; end one"
            + " with DELETE, or retry after idle ones close)");

    String session = first.getHeaders().get("Mcp-Session-Id");
    assertThat(client.newRequest(gateway.url()).method(HttpMethod.DELETE)
        .headers(h -> h.put("Authorization", "Bearer " + McpHarness.ALICE)
            .put("Mcp-Session-Id", session)).send().getStatus()).isEqualTo(200);
    assertThat(post(null, rpc(2, "initialize", "{}")).getStatus()).isEqualTo(200);

    // a reload raises the cap for the next sessions, the running one kept
    McpGatewayConfig c = gateway.config();
    assertThat(gateway.reconfigure(new McpGatewayConfig(true, c.host(), c.port(), c.path(),
        c.maxInFlight(), c.connectTimeout(), c.upstreamTimeout(), c.maxMessageBytes(), c.oidc(),
        c.apiKeys(), c.servers(), c.tls(),
        new StdioLimits(Duration.ofMinutes(10), 2, Duration.ofSeconds(5))))).isEmpty();
    assertThat(post(null, rpc(3, "initialize", "{}")).getStatus()).isEqualTo(200);
    assertThat(post(null, rpc(4, "initialize", "{}")).getStatus()).isEqualTo(503);
  }

  ContentResponse post(String session, String body) throws Exception {
    var r = client.newRequest(gateway.url()).method(HttpMethod.POST)
        .timeout(60, TimeUnit.SECONDS)
        .headers(h -> h.put("Authorization", "Bearer " + McpHarness.ALICE))
        .body(new StringRequestContent("application/json", body));
    if (session != null) {
      r.headers(h -> h.put("Mcp-Session-Id", session));
    }
    return r.send();
  }
}
