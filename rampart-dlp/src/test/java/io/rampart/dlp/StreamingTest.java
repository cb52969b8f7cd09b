package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingTest {
  private final DlpEngine engine = DlpEngine.create();

  private static String corpus() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append("Line ").append(i).append(": the quick brown fox. Contact ana.costa").append(i)
          .append("@globex.net or card 4111 1111 1111 1111; Giulia Romano wrote SSN 123-45-6789.\n");
    }
    return b.toString();
  }

  private List<StreamFinding> streamIn(String text, int chunk) {
    StreamingScanner s = engine.streamingScanner();
    List<StreamFinding> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += chunk) {
      out.addAll(s.feed(text.substring(i, Math.min(text.length(), i + chunk))));
    }
    out.addAll(s.finish());
    return out;
  }

  @Test
  void chunkedScanFindsExactlyWhatAWholeScanFinds() {
    String text = corpus();
    List<String> whole = engine.scan(text).stream()
        .map(f -> f.type() + "@" + f.start() + "-" + f.end()).toList();
    for (int chunk : new int[] {1, 7, 100, 4096}) {
      List<String> streamed = streamIn(text, chunk).stream()
          .map(f -> f.type() + "@" + f.start() + "-" + f.end()).toList();
      assertThat(streamed).as("chunk " + chunk).isEqualTo(whole);
    }
  }

  @Test
  void valueSplitAcrossChunksIsFoundWhole() {
    StreamingScanner s = engine.streamingScanner();
    List<StreamFinding> out = new ArrayList<>(s.feed("token ghp_not_a_token but card 4111 11"));
    out.addAll(s.feed("11 1111 1111 and more text"));
    out.addAll(s.finish());
    assertThat(out).extracting(StreamFinding::type).containsExactly("CREDIT_CARD");
    assertThat(out.get(0).value()).isEqualTo("4111 1111 1111 1111");
    assertThat(out.get(0).start()).isEqualTo(31);
  }

  @Test
  void codePointOffsetsCountSupplementaryCharacters() {
    List<StreamFinding> out = streamIn("😀 mail ana@globex.net", 3);
    assertThat(out.get(0).start()).isEqualTo(8);
    assertThat(out.get(0).codePointStart()).isEqualTo(7);
  }

  @Test
  void bufferStaysBoundedOnInputWithoutBreaks() {
    DlpEngine small = DlpEngine.create(DlpConfig.builder().streamWindow(2048).build());
    DefaultStreamingScanner s = (DefaultStreamingScanner) small.streamingScanner();
    Random r = new Random(1);
    char[] chunk = new char[1000];
    for (int i = 0; i < 500; i++) {
      for (int k = 0; k < chunk.length; k++) {
        chunk[k] = (char) ('a' + r.nextInt(26));
      }
      s.feed(new String(chunk));
      assertThat(s.position() - s.bufferStart()).isLessThan(2048 + 1000 + 256);
    }
  }
}
