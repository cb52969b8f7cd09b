package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private final Lexicon lx = Lexicon.get();

  /** Both probe paths (the scanner's char array, a CharSequence) on the word as written. */
  private int[] both(String w) {
    char[] a = (">" + w + "<").toCharArray();
    int h = Lexicon.hash(w, 0, w.length());
    return new int[] {lx.lookup(a, 1, 1 + w.length(), h), lx.lookup("<" + w + ">", 1,
        1 + w.length(), h)};
  }

  @Test
  void everyKeywordAndNameIsFoundWithItsBitsInAnyCaseOnBothPaths() throws IOException {
    List<String[]> expected = new ArrayList<>();
    for (String[] group : Keywords.GROUPS) {
      for (int j = 1; j < group.length; j++) {
        expected.add(new String[] {group[j].trim(), group[0]});
      }
    }
    for (String[] res : new String[][] {{"first-names.txt", "" + Lexicon.FIRST_NAME},
        {"surnames.txt", "" + Lexicon.SURNAME}}) {
      try (InputStream in = Lexicon.class.getResourceAsStream(res[0])) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            for (String w : line.split("[ ,]+")) {
              expected.add(new String[] {w.trim(), res[1]});
            }
          }
        }
      }
    }
    assertThat(expected).hasSizeGreaterThan(500);
    for (String[] e : expected) {
      if (e[0].isEmpty()) {
        continue;
      }
      int bits = Integer.parseInt(e[1]);
      for (String w : List.of(e[0], e[0].toUpperCase(Locale.ROOT), e[0].toLowerCase(Locale.ROOT))) {
        int[] got = both(w);
        assertThat(got[0]).as(w).isEqualTo(got[1]);
        assertThat(got[0] & bits).as(w).isEqualTo(bits);
        assertThat(lx.lookup(w)).as(w).isEqualTo(got[0]);
      }
    }
  }

  @Test
  void wordsOutsideTheLexiconAndPrefixesOfItsWordsAreNotFound() {
    for (String w : List.of("zzqx", "passwor", "passwords1", "", "x", "rampartish", "jos")) {
      assertThat(both(w)).as(w).containsExactly(0, 0);
    }
    assertThat(both("José")[0] & Lexicon.FIRST_NAME).isEqualTo(both("jose")[0] & Lexicon.FIRST_NAME);
  }
}
