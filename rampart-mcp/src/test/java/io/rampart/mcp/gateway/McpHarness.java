package io.rampart.mcp.gateway;

import io.rampart.core.event.InMemoryEventLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.Secret;
import io.rampart.dlp.DlpEngine;
import io.rampart.gateway.ApiKeyConfig;
import io.rampart.gateway.UpstreamCredential;
import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.mcp.ToolPinStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * An MCP gateway in front of a {@link FakeMcpUpstream}: alice may use everything, bob only the
 * tools echo and get-sum, public resources and the prompt "simple".
 */
final class McpHarness implements AutoCloseable {
  static final String ALICE = "alice-key-0001";
  static final String BOB = "bob-key-0002";
  static final String UPSTREAM_KEY = "upstream-key-xyz";
  static final DlpEngine DLP = DlpEngine.create();
  static final GuardEngine GUARD =
      GuardEngine.create(GuardConfig.builder().model(GuardConfig.ModelMode.DISABLED).build());

  final FakeMcpUpstream upstream = new FakeMcpUpstream();
  final InMemoryEventLog events = new InMemoryEventLog();
  final ToolPinStore pins;
  final McpGatewayServer gateway;
  final HttpClient client = new HttpClient();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

  McpHarness() throws Exception {
    this(ToolPinStore.inMemory(), McpAuthorizer.fromConfig(), GUARD, p -> p);
  }

  McpHarness(ToolPinStore pins, McpAuthorizer authorizer, GuardEngine guard,
      UnaryOperator<McpPolicy.Builder> policy) throws Exception {
    this(pins, authorizer, guard, policy, g -> g);
  }

  McpHarness(ToolPinStore pins, McpAuthorizer authorizer, GuardEngine guard,
      UnaryOperator<McpPolicy.Builder> policy, UnaryOperator<McpGatewayConfig.Builder> options)
      throws Exception {
    this(McpTransport.STREAMABLE_HTTP, pins, authorizer, guard, policy, options);
  }

  /** A gateway talking to the fake with {@code transport} (streamable-http or sse). */
  McpHarness(McpTransport transport) throws Exception {
    this(transport, ToolPinStore.inMemory(), McpAuthorizer.fromConfig(), GUARD, p -> p, g -> g);
  }

  McpHarness(McpTransport transport, ToolPinStore pins, McpAuthorizer authorizer,
      GuardEngine guard, UnaryOperator<McpPolicy.Builder> policy,
      UnaryOperator<McpGatewayConfig.Builder> options) throws Exception {
    this.pins = pins;
    McpServerConfig server = McpServerConfig.builder("everything",
            transport == McpTransport.SSE ? upstream.sseUrl() : upstream.url())
        .transport(transport)
        .credential(new UpstreamCredential.StaticKey("Authorization", Secret.of(UPSTREAM_KEY)))
        .access(new AccessRule(Set.of("alice"), Set.of(), Set.of("*"), Set.of("*"), Set.of("*")))
        .access(new AccessRule(Set.of("bob"), Set.of(), Set.of("echo", "get-sum"),
            Set.of("file:///public/*"), Set.of("simple")))
        .policy(policy.apply(McpPolicy.builder()).build())
        .build();
    McpGatewayConfig config = options.apply(McpGatewayConfig.builder()).enabled(true).port(0).server(server)
        .maxMessageBytes(1024 * 1024)
        .apiKey(ApiKeyConfig.builder("alice").key(Secret.of(ALICE)).build())
        .apiKey(ApiKeyConfig.builder("bob").key(Secret.of(BOB)).build())
        .build();
    gateway = McpGatewayServer.create(config,
        new McpGatewayServices(events, DLP, guard, pins, authorizer, clock)).start();
    client.start();
  }

  URI url() {
    return gateway.url();
  }

  ContentResponse post(String key, String json) throws Exception {
    return post(key, json, Map.of());
  }

  ContentResponse post(String key, String json, Map<String, String> headers) throws Exception {
    Request r = client.newRequest(url()).method(HttpMethod.POST)
        .body(new StringRequestContent("application/json", json))
        .timeout(10, TimeUnit.SECONDS)
        .headers(h -> h.put("Accept", "application/json, text/event-stream"));
    if (key != null) {
      r.headers(h -> h.put("Authorization", "Bearer " + key));
    }
    headers.forEach((k, v) -> r.headers(h -> h.put(k, v)));
    return r.send();
  }

  ContentResponse send(String key, HttpMethod method, Map<String, String> headers)
      throws Exception {
    Request r = client.newRequest(url()).method(method).timeout(10, TimeUnit.SECONDS)
        .headers(h -> h.put("Authorization", "Bearer " + key));
    headers.forEach((k, v) -> r.headers(h -> h.put(k, v)));
    return r.send();
  }

  /** A JSON-RPC request text. */
  static String rpc(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
        + (params.isEmpty() ? "" : ",\"params\":" + params) + "}";
  }

  static String call(int id, String tool, String args) {
    return rpc(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + args + "}");
  }

  /** The JSON-RPC message(s) of a reply: the JSON body, or the data of its SSE events. */
  static JsonNode body(ContentResponse r) throws Exception {
    String type = r.getHeaders().get("content-type");
    if (type != null && type.startsWith("text/event-stream")) {
      var arr = FakeMcpUpstream.JSON.createArrayNode();
      for (String line : r.getContentAsString().split("\n")) {
        if (line.startsWith("data: ")) {
          arr.add(FakeMcpUpstream.JSON.readTree(line.substring(6)));
        }
      }
      return arr;
    }
    return FakeMcpUpstream.JSON.readTree(r.getContentAsString());
  }

  /** The message answering {@code id} in a reply (JSON or SSE). */
  static JsonNode answer(ContentResponse r, int id) throws Exception {
    JsonNode b = body(r);
    if (!b.isArray()) {
      return b;
    }
    for (JsonNode m : b) {
      if (m.path("id").asInt(-1) == id) {
        return m;
      }
    }
    throw new AssertionError("no answer for id " + id + " in " + r.getContentAsString());
  }

  /** Tool names of a tools/list answer. */
  static java.util.List<String> toolNames(JsonNode answer) {
    java.util.List<String> out = new java.util.ArrayList<>();
    answer.at("/result/tools").forEach(t -> out.add(t.path("name").asText()));
    return out;
  }

  @Override
  public void close() throws Exception {
    client.stop();
    gateway.close();
    upstream.close();
  }
}
