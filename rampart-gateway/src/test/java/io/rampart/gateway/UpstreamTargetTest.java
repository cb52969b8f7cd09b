package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Both usual ways of writing an OpenAI-compatible base URL reach the same upstream path. */
class UpstreamTargetTest {
  private final RouteConfig route = RouteConfig.builder("openai")
      .pathPrefix("/v1").upstream(URI.create("http://127.0.0.1:1/v1")).build();

  @Test
  void bareOriginKeepsTheWholePathAsOllamaExpects() {
    assertThat(Upstreams.target(URI.create("http://127.0.0.1:11434"), route, "/v1/chat/completions", ""))
        .isEqualTo(URI.create("http://127.0.0.1:11434/v1/chat/completions"));
    assertThat(Upstreams.target(URI.create("http://127.0.0.1:11434/"), route, "/v1/models", "a=1"))
        .isEqualTo(URI.create("http://127.0.0.1:11434/v1/models?a=1"));
  }

  @Test
  void baseWithAPathReplacesTheRoutePrefix() {
    assertThat(Upstreams.target(URI.create("https://api.openai.com/v1"), route, "/v1/chat/completions", ""))
        .isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
    assertThat(Upstreams.target(URI.create("https://example.test/openai/v1/"), route, "/v1/embeddings", ""))
        .isEqualTo(URI.create("https://example.test/openai/v1/embeddings"));
  }
}
