package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official MCP Java SDK client over the older HTTP+SSE transport ({@code
 * HttpClientSseClientTransport}, test scope only) through the gateway, in front of a
 * Streamable HTTP server and in front of an HTTP+SSE one.
 */
class McpJavaSdkSseClientIT {

  private static McpSyncClient sdkClient(McpHarness h, String key) {
    URI url = h.url();
    HttpClientSseClientTransport transport = HttpClientSseClientTransport
        .builder(url.getScheme() + "://" + url.getAuthority())
        .sseEndpoint(url.getPath() + "/sse")
        .connectTimeout(Duration.ofSeconds(5))
        .httpRequestCustomizer((request, method, uri, body, context) ->
            request.header("Authorization", "Bearer " + key))
        .build();
    return McpClient.sync(transport)
        .clientInfo(new Implementation("rampart-it", "1"))
        .requestTimeout(Duration.ofSeconds(10))
        .initializationTimeout(Duration.ofSeconds(10))
        .build();
  }

  @ParameterizedTest
  @EnumSource(value = McpTransport.class, names = {"STREAMABLE_HTTP", "SSE"})
  void aliceAndBobThroughTheGatewayOverTheOlderTransport(McpTransport upstream)
      throws Exception {
    try (McpHarness h = new McpHarness(upstream);
        McpSyncClient alice = sdkClient(h, ALICE);
        McpSyncClient bob = sdkClient(h, BOB)) {
      alice.initialize();
      var aliceTools = alice.listTools().tools().stream().map(Tool::name).toList();
      CallToolResult echo = alice.callTool(new CallToolRequest("echo", Map.of("message", "hi")));
      bob.initialize();
      var bobTools = bob.listTools().tools().stream().map(Tool::name).toList();
      Throwable refused = catchThrowable(
          () -> bob.callTool(new CallToolRequest("get-env", Map.of())));

      assertThat(aliceTools).containsExactly("echo", "get-sum", "get-env", "fetch-page");
      assertThat(((TextContent) echo.content().getFirst()).text()).isEqualTo("Echo: hi");
      assertThat(bobTools).containsExactly("echo", "get-sum");
      assertThat(refused).isInstanceOf(McpError.class);
      assertThat(((McpError) refused).getJsonRpcError().code()).isEqualTo(McpErrors.POLICY);
      assertThat(h.upstream.calls("tools/call")).singleElement()
          .satisfies(r -> assertThat(r.body()).contains("echo"));
    }
  }
}
