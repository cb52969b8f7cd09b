package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.ALICE;
import static io.rampart.mcp.gateway.McpHarness.BOB;
import static io.rampart.mcp.gateway.McpHarness.UPSTREAM_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The issue 6 quickstart contract with the official MCP Java SDK client (test scope only): it
 * connects over Streamable HTTP through the gateway with a bearer key set as a request header,
 * sees only its principal's tools, gets refusals as JSON-RPC errors, and cannot initialize
 * without a key.
 */
class McpJavaSdkClientIT {

  /** A synchronous SDK client for the gateway; {@code key} null sends no Authorization header. */
  private static McpSyncClient sdkClient(McpHarness h, String key) {
    URI url = h.url();
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
        .builder(url.getScheme() + "://" + url.getAuthority())
        .endpoint(url.getPath())
        .connectTimeout(Duration.ofSeconds(5))
        .httpRequestCustomizer((request, method, uri, body, context) -> {
          if (key != null) {
            request.header("Authorization", "Bearer " + key);
          }
        })
        .build();
    return McpClient.sync(transport)
        .clientInfo(new Implementation("rampart-it", "1"))
        .requestTimeout(Duration.ofSeconds(10))
        .initializationTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static String text(CallToolResult result) {
    assertThat(result.content()).hasSize(1).first().isInstanceOf(TextContent.class);
    return ((TextContent) result.content().getFirst()).text();
  }

  @Test
  void aliceInitializesListsEveryToolAndCallsEcho() throws Exception {
    try (McpHarness h = new McpHarness(); McpSyncClient alice = sdkClient(h, ALICE)) {
      InitializeResult init = alice.initialize();
      var tools = alice.listTools().tools().stream().map(Tool::name).toList();
      CallToolResult echo = alice.callTool(new CallToolRequest("echo", Map.of("message", "hi")));

      assertThat(init.serverInfo().name()).isEqualTo("fake");
      assertThat(tools).containsExactly("echo", "get-sum", "get-env", "fetch-page");
      assertThat(echo.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(text(echo)).isEqualTo("Echo: hi");
      // the gateway swaps the caller's key for the upstream credential
      var forwarded = h.upstream.calls("tools/call").getFirst().headers();
      assertThat(forwarded).containsEntry("authorization", "Bearer " + UPSTREAM_KEY);
      assertThat(h.upstream.received).noneMatch(r -> r.headers().values().stream()
          .anyMatch(v -> v.contains(ALICE)));
    }
  }

  @Test
  void bobSeesOnlyHisToolsAndARefusedToolIsAnMcpErrorInTheSdk() throws Exception {
    try (McpHarness h = new McpHarness(); McpSyncClient bob = sdkClient(h, BOB)) {
      bob.initialize();
      var tools = bob.listTools().tools().stream().map(Tool::name).toList();
      CallToolResult sum = bob.callTool(new CallToolRequest("get-sum", Map.of("a", 2, "b", 3)));
      Throwable refused = catchThrowable(
          () -> bob.callTool(new CallToolRequest("get-env", Map.of())));

      assertThat(tools).containsExactly("echo", "get-sum");
      assertThat(text(sum)).isEqualTo("5");
      assertThat(refused).isInstanceOf(McpError.class);
      assertThat(((McpError) refused).getJsonRpcError().code()).isEqualTo(McpErrors.POLICY);
      assertThat(h.upstream.calls("tools/call")).hasSize(1)
          .allMatch(r -> r.body().contains("get-sum"));
    }
  }

  @Test
  void withoutAKeyTheSdkCannotInitializeAndNothingReachesTheUpstream() throws Exception {
    try (McpHarness h = new McpHarness(); McpSyncClient anonymous = sdkClient(h, null)) {
      Throwable failed = catchThrowable(anonymous::initialize);

      assertThat(failed).isNotNull();
      Throwable cause = failed;
      while (cause != null && !(cause instanceof McpHttpClientTransportAuthorizationException)) {
        cause = cause.getCause();
      }
      assertThat(cause).as("an authorization failure in %s", failed).isNotNull();
      var response = ((McpHttpClientTransportAuthorizationException) cause).getResponseInfo();
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(anonymous.isInitialized()).isFalse();
      assertThat(h.upstream.received).isEmpty();
    }
  }
}
