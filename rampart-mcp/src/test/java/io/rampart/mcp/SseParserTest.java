package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SseParserTest {
  static List<SseEvent> parse(String text) {
    return SseParser.create().feed(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesFieldsMultiLineDataAndDefaults() {
    assertThat(parse("event: endpoint\ndata: /messages?s=1\n\ndata:a\ndata: b\ndata\n\n")).containsExactly(
        new SseEvent("endpoint", "/messages?s=1", Optional.empty(), OptionalLong.empty()),
        new SseEvent("message", "a\nb\n", Optional.empty(), OptionalLong.empty()));
  }

  @Test
  void acceptsCrLfCrAndLfLineEndingsAndABom() {
    List<SseEvent> lf = parse("data: x\ndata: y\n\n");
    assertThat(parse("\uFEFFdata: x\r\ndata: y\r\n\r\n")).isEqualTo(lf);
    assertThat(parse("data: x\rdata: y\r\r")).isEqualTo(lf);
    assertThat(parse("data: x\r\ndata: y\n\r")).isEqualTo(lf);
  }

  @Test
  void crLfSplitAcrossChunksIsOneLineEnding() {
    SseParser p = SseParser.create();
    assertThat(p.feed("data: a\r".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(p.feed("\n\r".getBytes(StandardCharsets.UTF_8))).extracting(SseEvent::data).containsExactly("a");
    assertThat(p.feed("\ndata: b\n\n".getBytes(StandardCharsets.UTF_8))).extracting(SseEvent::data).containsExactly("b");
  }

  @Test
  void commentsUnknownFieldsAndEventsWithoutDataDispatchNothing() {
    assertThat(parse(": keep-alive\nfoo: bar\n\nevent: x\n\nid: 5\n\n")).isEmpty();
  }

  @Test
  void idPersistsIsResetByAnEmptyIdAndIgnoresNul() {
    List<SseEvent> events = parse("id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\n");
    assertThat(events).extracting(SseEvent::id).containsExactly(
        Optional.of("1"), Optional.of("1"), Optional.of("1"), Optional.empty());
  }

  @Test
  void retryTakesDigitsOnly() {
    SseParser p = SseParser.create();
    List<SseEvent> e = p.feed("retry: 3000\ndata: a\n\nretry: 1x\ndata: b\n\n".getBytes(StandardCharsets.UTF_8));
    assertThat(e).extracting(SseEvent::retry).containsExactly(OptionalLong.of(3000), OptionalLong.empty());
    assertThat(p.retryMillis()).hasValue(3000);
  }

  @Test
  void anUnterminatedEventIsDiscardedAtTheEnd() {
    SseParser p = SseParser.create();
    assertThat(p.feed("data: partial\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    p.finish();
    assertThat(p.feed("\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void oversizedEventsFailWithTheModulesException() {
    SseParser p = SseParser.create(32);
    assertThatThrownBy(() -> p.feed(("data: " + "x".repeat(40) + "\n\n").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(McpException.class).hasMessage("event: more than 32 bytes (expected: at most 32)");
    assertThatThrownBy(() -> p.feed(new byte[] {'\n'})).isInstanceOf(McpException.class).hasMessageStartingWith("stream: failed earlier");
    assertThatThrownBy(() -> SseParser.create(0)).isInstanceOf(McpException.class);
    assertThatThrownBy(() -> SseParser.create().feed(new byte[2], 1, 5)).isInstanceOf(McpException.class).hasMessageStartingWith("range:");
  }

  @Test
  void multiByteCharactersSplitAcrossChunksSurvive() {
    byte[] all = "data: h\u00e9llo \u20ac\n\n".getBytes(StandardCharsets.UTF_8);
    SseParser p = SseParser.create();
    List<SseEvent> out = new java.util.ArrayList<>();
    for (byte b : all) {
      out.addAll(p.feed(new byte[] {b}));
    }
    assertThat(out).extracting(SseEvent::data).containsExactly("h\u00e9llo \u20ac");
  }
}
