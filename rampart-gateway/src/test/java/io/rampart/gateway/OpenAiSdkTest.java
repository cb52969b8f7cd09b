package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK, unchanged, against the in-process gateway and a fake upstream:
 * only its base URL and key point at the gateway.
 */
class OpenAiSdkTest {
  Harness h;
  OpenAIClient client;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(new StubGuard().engine());
    client = client(Harness.ALICE);
  }

  OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(h.url("/v1").toString())
        .apiKey(key)
        .maxRetries(0) // one SDK call, one gateway request
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    h.close();
  }

  static ChatCompletionCreateParams chat(String text) {
    return ChatCompletionCreateParams.builder().model("gpt-test").addUserMessage(text).build();
  }

  @Test
  void chatCompletionGoesThroughWithPersonalDataRedactedAndTheUpstreamKeyInjected() {
    h.upstream.respond(r -> FakeUpstream.Answer.json(FakeUpstream.chat("Noted, I will write.")));

    ChatCompletion c = client.chat().completions()
        .create(chat("Write to jane.doe@example.com about the invoice."));

    assertThat(c.choices().getFirst().message().content()).contains("Noted, I will write.");
    assertThat(c.usage().orElseThrow().totalTokens()).isEqualTo(18);
    FakeUpstream.Received up = h.upstream.last();
    assertThat(up.path()).isEqualTo("/v1/chat/completions");
    assertThat(up.headers().get("authorization")).isEqualTo("Bearer upstream-key");
    assertThat(up.body()).doesNotContain("jane.doe@example.com").contains("<EMAIL_ADDRESS>");
  }

  @Test
  void streamedChatArrivesAsChunksWithSecretsRedacted() {
    String secret = GatewayServerTest.GITHUB;
    h.upstream.respond(r -> FakeUpstream.Answer.sse(
        FakeUpstream.chunk("The token is "),
        FakeUpstream.chunk(secret.substring(0, 12)),
        FakeUpstream.chunk(secret.substring(12) + " and that is all."),
        FakeUpstream.finish()));

    String text;
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(chat("What is the token?"))) {
      text = stream.stream()
          .flatMap(chunk -> chunk.choices().stream())
          .map(choice -> choice.delta().content().orElse(""))
          .collect(Collectors.joining());
    }

    assertThat(text).startsWith("The token is ").endsWith(" and that is all.")
        .doesNotContain(secret).doesNotContain(secret.substring(12));
    assertThat(h.upstream.last().body()).contains("\"stream\":true");
  }

  @Test
  void embeddingsComeBackAsTheSdkDecodesThem() {
    float[] vector = {0.25f, -0.5f, 1.0f};
    h.upstream.respond(r -> {
      // the SDK may ask for base64; answer in the encoding it asked for
      boolean base64 = r.body().contains("\"encoding_format\":\"base64\"");
      String embedding = base64 ? "\"" + base64(vector) + "\"" : "[0.25,-0.5,1.0]";
      return FakeUpstream.Answer.json("""
          {"object":"list","data":[{"object":"embedding","index":0,"embedding":%s}],\
          "model":"text-embedding-test","usage":{"prompt_tokens":4,"total_tokens":4}}"""
          .formatted(embedding));
    });

    CreateEmbeddingResponse e = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-test").input("Quarterly revenue by region").build());

    assertThat(e.data()).hasSize(1);
    assertThat(e.data().getFirst().embedding()).containsExactly(0.25f, -0.5f, 1.0f);
    assertThat(h.upstream.last().path()).isEqualTo("/v1/embeddings");
  }

  private static String base64(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  @Test
  void aPolicyBlockIsTheSdksPermissionDeniedWithTheRampartErrorBody() {
    String secret = GatewayServerTest.GITHUB;

    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
        () -> client.chat().completions().create(chat("Deploy with " + secret + " please")));

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.type()).contains("rampart_policy_violation");
    assertThat(e.code()).contains("sensitive_data");
    assertThat(e.body().toString()).contains("dlp.request.block").doesNotContain(secret);
    assertThat(h.upstream.received).isEmpty();
  }

  @Test
  void aWrongKeyIsTheSdksUnauthorized() {
    OpenAIClient stranger = client("not-a-key");
    try {
      UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class,
          () -> stranger.chat().completions().create(chat("Hello")));
      assertThat(e.statusCode()).isEqualTo(401);
    } finally {
      stranger.close();
    }
    assertThat(h.upstream.received).isEmpty();
  }
}
