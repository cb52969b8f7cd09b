package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Scans read the text through a pooled scratch buffer ({@link CharScratch}) that keeps whatever
 * an earlier, possibly longer scan left in it: findings must be those of a fresh, exact buffer.
 */
class ScratchReuseTest {
  private static final DefaultDlpEngine ENGINE = (DefaultDlpEngine) DlpEngine.create();

  private static List<Finding> fresh(String text) {
    return ENGINE.scan(text, new char[text.length()]);
  }

  @Property(tries = 200)
  void pooledScratchGivesTheFindingsOfAFreshBuffer(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(max = 3000) @CharRange(from = '0', to = '9')
          @Chars({' ', '-', '.', '+', '@', ':', '=', 'a', 'e', 'J', 'k', 's', 'x', '\n', '\u200b',
              '\uff11', 'é'}) String> texts) {
    for (String text : texts) {
      assertThat(ENGINE.scan(text)).as(text).isEqualTo(fresh(text));
    }
  }

  @Test
  void aShortScanAfterALongOneIgnoresTheLeftoverChars() {
    String longText = "card 4111 1111 1111 1111, mail ann@example.com; ".repeat(60);
    String shortText = "call +44 20 7946 0958";
    List<Finding> expected = fresh(shortText);
    assertThat(ENGINE.scan(longText)).isEqualTo(fresh(longText)).isNotEmpty();
    assertThat(ENGINE.scan(shortText)).isEqualTo(expected);
    // A caller's buffer full of digits left by someone else changes nothing either.
    char[] dirty = new char[4096];
    Arrays.fill(dirty, '7');
    assertThat(ENGINE.scan(shortText, dirty)).isEqualTo(expected);
  }

  @Test
  void concurrentScansOnVirtualThreadsEqualSequentialOnes() throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add(("ref " + i + ": card 4111 1111 1111 1111, ann" + i + "@example.com, ")
          .repeat(1 + i * 7));
    }
    List<List<Finding>> expected = texts.stream().map(ScratchReuseTest::fresh).toList();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 64; t++) {
        int offset = t;
        runs.add(pool.submit(() -> {
          for (int k = 0; k < texts.size(); k++) {
            int i = (k + offset * 3) % texts.size();
            if (!ENGINE.scan(texts.get(i)).equals(expected.get(i))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var run : runs) {
        assertThat(run.get()).isTrue();
      }
    }
  }

  @Test
  void aGivenBackBufferIsReusedAndLongOnesAreNotKept() {
    // The longest poolable size, so no buffer left by other scans can come first.
    char[] b = CharScratch.take(CharScratch.MAX);
    assertThat(b).hasSize(CharScratch.MAX);
    CharScratch.give(b);
    assertThat(CharScratch.take(CharScratch.MAX)).isSameAs(b);
    char[] huge = CharScratch.take(CharScratch.MAX + 1);
    assertThat(huge).hasSize(CharScratch.MAX + 1);
    CharScratch.give(huge);
    assertThat(CharScratch.take(CharScratch.MAX + 1)).isNotSameAs(huge);
  }
}
