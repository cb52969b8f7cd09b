package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;

/**
 * A large input streams through with bounded memory: the scanner's retained text never grows
 * with the input. The input (200 MB by default, {@code -Drampart.dlp.streamMb=N} to change) is
 * generated on the fly and never stored.
 */
class StreamingMemoryTest {
  private static final int CHUNK = 64 * 1024;

  @Test
  void largeGeneratedStreamIsScannedWithABoundedWindow() throws IOException {
    long bytes = Long.getLong("rampart.dlp.streamMb", 200) * 1_000_000L;
    DlpEngine engine = DlpEngine.create();
    int window = engine.config().streamWindow();
    DefaultStreamingScanner s = (DefaultStreamingScanner) engine.streamingScanner();
    long maxRetained = 0;
    long findings = 0;
    long cards = 0;
    long chars = 0;
    char[] buf = new char[CHUNK];
    try (Reader in = new InputStreamReader(MixedCorpus.stream(42, bytes), StandardCharsets.UTF_8)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        chars += n;
        for (StreamFinding f : s.feed(CharBuffer.wrap(buf, 0, n))) {
          findings++;
          cards += f.type().equals(EntityTypes.CREDIT_CARD) ? 1 : 0;
        }
        maxRetained = Math.max(maxRetained, s.position() - s.bufferStart());
      }
    }
    findings += s.finish().size();

    assertThat(s.position()).isEqualTo(chars);
    assertThat(chars).isGreaterThan(bytes / 2);
    // what is held is the window plus at most one unscanned chunk, whatever the input size
    assertThat(maxRetained).isLessThanOrEqualTo(window + 2L * CHUNK);
    // about 2% of the generated lines carry a value: a stream this long has many
    assertThat(findings).isGreaterThan(bytes / 100_000);
    assertThat(cards).isPositive();
  }
}
