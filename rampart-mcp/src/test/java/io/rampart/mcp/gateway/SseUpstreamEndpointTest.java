package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** How the {@code endpoint} event of an HTTP+SSE server is resolved, and what is refused. */
class SseUpstreamEndpointTest {
  static final URI STREAM = URI.create("http://127.0.0.1:3001/sse");

  @Test
  void relativeAndSameOriginEndpointsResolveAgainstTheStream() {
    assertThat(SseUpstreamChannel.endpoint(STREAM, "/messages?sessionId=abc"))
        .isEqualTo(URI.create("http://127.0.0.1:3001/messages?sessionId=abc"));
    assertThat(SseUpstreamChannel.endpoint(STREAM, " /messages/?session_id=9 "))
        .isEqualTo(URI.create("http://127.0.0.1:3001/messages/?session_id=9"));
    assertThat(SseUpstreamChannel.endpoint(URI.create("https://mcp.example/v1/sse"), "messages?s=1"))
        .isEqualTo(URI.create("https://mcp.example/v1/messages?s=1"));
    assertThat(SseUpstreamChannel.endpoint(STREAM, "http://127.0.0.1:3001/m"))
        .isEqualTo(URI.create("http://127.0.0.1:3001/m"));
  }

  @Test
  void anotherOriginIsRefusedSoTheServerCredentialStaysWithItsServer() {
    for (String other : new String[] {"http://evil.example/messages", "//evil.example/m",
        "http://127.0.0.1:3002/m", "https://127.0.0.1:3001/m", "http://user@127.0.0.1:3001/m",
        "file:///etc/passwd", "javascript:alert(1)"}) {
      assertThatThrownBy(() -> SseUpstreamChannel.endpoint(STREAM, other))
          .as(other).isInstanceOf(McpGatewayException.class)
          .hasMessageStartingWith("endpoint: another origin");
    }
  }

  @Test
  void malformedDataIsRefusedWithoutEchoingControlCharacters() {
    for (String bad : new String[] {"", "   ", "/a b", "/%zz", "http://[::1", "/m\u0000x",
        "x".repeat(3000)}) {
      assertThatThrownBy(() -> SseUpstreamChannel.endpoint(STREAM, bad))
          .as(bad).isInstanceOf(McpGatewayException.class)
          .hasMessageStartingWith("endpoint: ")
          .hasMessageContaining("(expected: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }
  }
}
