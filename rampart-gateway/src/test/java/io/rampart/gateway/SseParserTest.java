package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SseParserTest {
  static List<SseEvent> parse(byte[] bytes, List<Integer> cuts) {
    List<SseEvent> out = new ArrayList<>();
    SseParser p = new SseParser(out::add);
    int from = 0;
    for (int cut : cuts.stream().map(c -> Math.min(c, bytes.length)).sorted().toList()) {
      p.feed(bytes, from, cut - from);
      from = cut;
    }
    p.feed(bytes, from, bytes.length - from);
    p.finish();
    return out;
  }

  @Test
  void readsFieldsCommentsMultiLineDataAndAllLineEndings() {
    String s = ": keep-alive\r\nevent: delta\r\ndata: a\r\ndata:b\r\nid: 7\r\n\r\n"
        + "data: {\"x\":1}\n\ndata: c\rdata: d\r\rdata: [DONE]\n\ndata: unterminated";
    byte[] b = s.getBytes(StandardCharsets.UTF_8);

    assertThat(parse(b, List.of())).containsExactly(
        new SseEvent("delta", "a\nb"), SseEvent.data("{\"x\":1}"), SseEvent.data("c\nd"),
        SseEvent.data("[DONE]"));
  }

  @Test
  void aCharacterSplitAcrossChunksIsDecodedWhole() {
    byte[] b = "data: 😀€\n\n".getBytes(StandardCharsets.UTF_8);

    assertThat(parse(b, List.of(7, 8, 9, 11))).containsExactly(SseEvent.data("😀€"));
  }

  @Provide
  Arbitrary<List<SseEvent>> events() {
    Arbitrary<String> text = Arbitraries.strings().withChars("ab é€{}\":[]\n")
        .ofMaxLength(20);
    Arbitrary<String> name = Arbitraries.of("", "delta", "content_block_delta");
    return Combinators.combine(name, text).as(SseEvent::new).list().ofMaxSize(8);
  }

  @Property(tries = 300)
  void anyChunkingGivesTheSameEvents(
      @ForAll("events") List<SseEvent> events,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 400) Integer> cuts,
      @ForAll boolean crlf) {
    StringBuilder wire = new StringBuilder();
    for (SseEvent e : events) {
      String encoded = new String(e.encode(), StandardCharsets.UTF_8);
      wire.append(crlf ? encoded.replace("\n", "\r\n") : encoded);
    }
    byte[] bytes = wire.toString().getBytes(StandardCharsets.UTF_8);

    assertThat(parse(bytes, cuts)).isEqualTo(parse(bytes, List.of())).isEqualTo(events);
  }
}
