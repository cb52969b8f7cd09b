package io.rampart.mcp.gateway;

import io.rampart.core.event.InMemoryEventLog;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.Secret;
import io.rampart.gateway.ApiKeyConfig;
import io.rampart.mcp.ToolPinStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stdio MCP server (the scanner tests' FakeMcpServer, a child JVM) behind the gateway. */
class McpStdioBridgeTest {
  final InMemoryEventLog events = new InMemoryEventLog();
  final HttpClient client = new HttpClient();
  McpGatewayServer gateway;

  McpGatewayServer start(String mode) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    McpServerConfig server = McpServerConfig.stdio("local", List.of(javaBin, "-cp",
            System.getProperty("java.class.path"), "io.rampart.mcp.FakeMcpServer", mode))
        .access(new AccessRule(Set.of("alice"), Set.of(), Set.of("*"), Set.of(), Set.of()))
        .build();
    McpGatewayConfig config = McpGatewayConfig.builder().enabled(true).port(0).server(server)
        .upstreamTimeout(java.time.Duration.ofSeconds(mode.equals("garbage") ? 2 : 60))
        .apiKey(ApiKeyConfig.builder("alice").key(Secret.of(McpHarness.ALICE)).build()).build();
    gateway = McpGatewayServer.create(config, new McpGatewayServices(events, McpHarness.DLP,
        McpHarness.GUARD, ToolPinStore.inMemory(), McpAuthorizer.fromConfig(),
        Clock.systemUTC())).start();
    client.start();
    return gateway;
  }

  @AfterEach
  void stop() throws Exception {
    client.stop();
    if (gateway != null) {
      gateway.close();
    }
  }

  ContentResponse send(HttpMethod method, String session, String body) throws Exception {
    Request r = client.newRequest(gateway.url()).method(method).timeout(30, TimeUnit.SECONDS)
        .headers(h -> h.put("Authorization", "Bearer " + McpHarness.ALICE));
    if (session != null) {
      r.headers(h -> h.put("Mcp-Session-Id", session));
    }
    if (body != null) {
      r.body(new StringRequestContent("application/json", body));
    }
    return r.send();
  }

  @Test
  void aStdioServerIsServedPerSessionWithPoisonedToolsHidden() throws Exception {
    start("poisoned");

    ContentResponse init = send(HttpMethod.POST, null, rpc(1, "initialize", "{}"));
    String session = init.getHeaders().get("Mcp-Session-Id");
    assertThat(session).hasSize(32);
    assertThat(McpHarness.body(init).at("/result/serverInfo/name").asText()).isEqualTo("fake");
    assertThat(send(HttpMethod.POST, session,
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").getStatus()).isEqualTo(202);

    JsonNode first = McpHarness.body(send(HttpMethod.POST, session, rpc(2, "tools/list", "{}")));
    JsonNode second = McpHarness.body(send(HttpMethod.POST, session,
        rpc(3, "tools/list", "{\"cursor\":\"page2\"}")));
    assertThat(McpHarness.toolNames(first)).containsExactly("add");
    assertThat(McpHarness.toolNames(second)).isEmpty(); // "notes" is poisoned

    assertThat(send(HttpMethod.POST, "no-such-session", rpc(4, "ping", "")).getStatus())
        .isEqualTo(404);
    // the GET stream needs Accept: text/event-stream (McpBridgeStreamTest)
    assertThat(send(HttpMethod.GET, session, null).getStatus()).isEqualTo(406);
    assertThat(send(HttpMethod.DELETE, session, null).getStatus()).isEqualTo(200);
    assertThat(send(HttpMethod.POST, session, rpc(5, "ping", "")).getStatus()).isEqualTo(404);
  }

  @Test
  void aSilentStdioServerTimesOutIntoAJsonRpcError() throws Exception {
    start("garbage");

    ContentResponse r = send(HttpMethod.POST, null, rpc(1, "initialize", "{}"));

    // garbage lines are skipped; the process never answers, so the gateway gives up
    assertThat(r.getStatus()).isEqualTo(502);
    assertThat(McpHarness.answer(r, 1).at("/error/code").asInt()).isEqualTo(McpErrors.UPSTREAM);
  }
}
