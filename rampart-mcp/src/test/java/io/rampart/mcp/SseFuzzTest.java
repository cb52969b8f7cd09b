package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SseFuzzTest {

  @Property(tries = 400)
  void arbitraryChunkingGivesIdenticalEvents(@ForAll("streams") String stream, @ForAll @Size(max = 20) List<Integer> cuts) {
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    List<SseEvent> whole = SseParser.create().feed(bytes);
    SseParser p = SseParser.create();
    List<SseEvent> chunked = new ArrayList<>();
    int at = 0;
    for (int c : cuts) {
      int len = Math.floorMod(c, bytes.length - at + 1);
      chunked.addAll(p.feed(bytes, at, len));
      at += len;
    }
    chunked.addAll(p.feed(bytes, at, bytes.length - at));
    assertThat(chunked).isEqualTo(whole);
  }

  @Property(tries = 400)
  void garbageNeverThrowsAnythingButMcpException(@ForAll @Size(max = 2000) byte[] garbage) {
    long start = System.nanoTime();
    SseParser p = SseParser.create(256);
    try {
      List<SseEvent> events = p.feed(garbage);
      assertThat(events).allSatisfy(e -> assertThat(e.data().length()).isLessThanOrEqualTo(256));
      p.finish();
    } catch (McpException e) {
      assertThat(e.getMessage()).startsWith("event: more than 256 bytes");
    }
    // generous: a loaded CI machine stalls for a second now and then; what this catches is
    // runaway (super-linear) work, which takes minutes on inputs like these
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
  }

  @Provide
  Arbitrary<String> streams() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abc \u00e9\u20ac:").ofMaxLength(12).map(s -> "data: " + s),
        Arbitraries.of("event: ping", "id: 7", "id", "retry: 100", ": comment", "data", "", "\uFEFF", "data:x"));
    Arbitrary<String> eol = Arbitraries.of("\n", "\r", "\r\n");
    return net.jqwik.api.Combinators.combine(line, eol).as(String::concat).list().ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }
}
