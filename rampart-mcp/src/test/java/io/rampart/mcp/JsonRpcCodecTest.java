package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRpcCodecTest {
  final JsonRpcCodec codec = JsonRpcCodec.create(new JsonRpcLimits(4096, 8, 3));

  JsonRpcMessage single(String text) {
    return ((JsonRpcPayload.Single) codec.decode(text)).message();
  }

  @Test
  void decodesEachKindOfMessage() {
    assertThat(single("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{}}"))
        .isEqualTo(new JsonRpcMessage.Request(IntNode.valueOf(7), "tools/list", Optional.of(JsonNodeFactory.instance.objectNode())));
    assertThat(single("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
        .isEqualTo(new JsonRpcMessage.Notification("notifications/initialized", Optional.empty()));
    assertThat(single("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{\"ok\":true}}"))
        .isInstanceOf(JsonRpcMessage.Response.class);
    assertThat(single("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"bad\",\"data\":[1]}}"))
        .isEqualTo(new JsonRpcMessage.ErrorResponse(NullNode.getInstance(),
            new JsonRpcError(-32600, "bad", Optional.of(JsonNodeFactory.instance.arrayNode().add(1)))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"jsonrpc\":\"2.0\",\"method\":     | -32700 | json:",
      "not json                            | -32700 | json:",
      "{\"a\":1} {\"b\":2}                 | -32700 | json:",
      "''                                  | -32700 | json: empty",
      "{\"jsonrpc\":\"1.0\",\"method\":\"x\"} | -32600 | jsonrpc: \"1.0\" (expected: \"2.0\")",
      "{\"method\":\"x\"}                  | -32600 | jsonrpc: missing",
      "{\"jsonrpc\":\"2.0\",\"method\":5}  | -32600 | method: number (expected: string)",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":\"s\"} | -32600 | params: string (expected: object or array)",
      "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"x\"} | -32600 | id: null",
      "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"x\"} | -32600 | id: number",
      "{\"jsonrpc\":\"2.0\",\"id\":1}      | -32600 | result/error: neither",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{}} | -32600 | result/error: both",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"m\"}} | -32600 | error.code",
      "{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"method\":\"b\"} | -32700 | json: Duplicate",
      "[]                                  | -32600 | batch: []",
      "[1,2,3,4]                           | -32600 | batch: 4 messages (expected: at most 3)",
      "[[[[[[[[[[1]]]]]]]]]]               | -32600 | too deep",
      "7                                   | -32600 | message: number (expected: object)",
  })
  void rejectsWithPreciseCodes(String text, int code, String message) {
    assertThatThrownBy(() -> codec.decode(text))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(message);
          assertThat(e).isInstanceOf(McpException.class);
        });
  }

  @Test
  void keepsTheIdOfAnInvalidRequestSoTheErrorCanBeCorrelated() {
    assertThatThrownBy(() -> codec.decode("{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"method\":\"x\",\"params\":3}"))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> {
          assertThat(e.id()).isEqualTo(TextNode.valueOf("r1"));
          assertThat(e.toErrorResponse().error().code()).isEqualTo(JsonRpcError.INVALID_REQUEST);
        });
  }

  @Test
  void oversizedTextIsRefusedBeforeParsing() {
    byte[] big = ("{\"jsonrpc\":\"2.0\",\"method\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(big))
        .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.getMessage()).startsWith("size: "));
  }

  @Test
  void batchesKeepInvalidElementsWithTheirErrors() {
    JsonRpcPayload p = codec.decode("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}, 5, {\"jsonrpc\":\"2.0\",\"id\":2}]");
    assertThat(p).isInstanceOfSatisfying(JsonRpcPayload.Batch.class, b -> {
      assertThat(b.elements()).hasSize(3);
      assertThat(b.messages()).hasSize(1);
      assertThat(b.elements().get(1)).isInstanceOfSatisfying(JsonRpcPayload.Invalid.class,
          i -> assertThat(i.error().code()).isEqualTo(-32600));
      assertThat(b.elements().get(2)).isInstanceOfSatisfying(JsonRpcPayload.Invalid.class,
          i -> assertThat(i.id()).isEqualTo(IntNode.valueOf(2)));
    });
  }

  @Test
  void encodesCompactlyAndRoundTrips() {
    List<JsonRpcMessage> all = List.of(
        new JsonRpcMessage.Request(TextNode.valueOf("x"), "tools/call", Optional.of(JsonNodeFactory.instance.objectNode().put("name", "a\nb"))),
        new JsonRpcMessage.Notification("n", Optional.empty()),
        new JsonRpcMessage.Response(IntNode.valueOf(3), JsonNodeFactory.instance.arrayNode()),
        new JsonRpcMessage.ErrorResponse(IntNode.valueOf(4), JsonRpcError.of(JsonRpcError.METHOD_NOT_FOUND, "no")));
    for (JsonRpcMessage m : all) {
      byte[] text = codec.encode(m);
      assertThat(new String(text, StandardCharsets.UTF_8)).doesNotContain("\n");
      assertThat(single(new String(text, StandardCharsets.UTF_8))).isEqualTo(m);
    }
    assertThat(((JsonRpcPayload.Batch) codec.decode(codec.encodeBatch(all.subList(0, 3)))).messages()).isEqualTo(all.subList(0, 3));
  }

  @Test
  void handBuiltMessagesObeyTheSameRules() {
    assertThatThrownBy(() -> new JsonRpcMessage.Request(NullNode.getInstance(), "x", Optional.empty()))
        .isInstanceOf(JsonRpcException.class).hasMessageContaining("id: null");
    assertThatThrownBy(() -> new JsonRpcMessage.Notification("", Optional.empty()))
        .isInstanceOf(JsonRpcException.class).hasMessageContaining("method: \"\"");
    assertThatThrownBy(() -> new JsonRpcLimits(0, 1, 1)).isInstanceOf(McpException.class).hasMessage("max-bytes: 0 (expected: > 0)");
  }
}
