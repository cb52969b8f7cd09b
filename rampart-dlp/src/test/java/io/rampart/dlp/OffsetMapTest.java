package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The sparse offset map of {@link TextNormalizer} answers exactly what a full per-char map
 * would: normalization is per code point, so the reference folds each code point on its own;
 * unchanged chars map one to one, each char of a changed code point maps to all of it.
 */
class OffsetMapTest {
  @Provide
  Arbitrary<String> mixedText() {
    // ASCII mixed with chars that fold (full-width digits, homoglyphs, dashes, zero-width,
    // ligatures), chars that do not (accents, CJK) and surrogate pairs
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12),
        Arbitraries.of("１", "２", "А", "К", "–", "\u200b", "\u00ad", "ﬁ", "é", "ß", "会", "😀",
            "\u0301", "Ⅻ", "\u3000"));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 300)
  void sparseMapMatchesAFullPerCharMap(@ForAll("mixedText") String text) {
    StringBuilder expected = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int w = Character.charCount(text.codePointAt(i));
      String original = text.substring(i, i + w);
      String mapped = TextNormalizer.normalize(original).text();
      for (int k = 0; k < mapped.length(); k++) {
        // an unchanged code point maps char for char; a changed one maps as a whole
        spans.add(mapped.equals(original) ? new int[] {i + k, i + k + 1} : new int[] {i, i + w});
      }
      expected.append(mapped);
      i += w;
    }
    TextNormalizer.Normalized n = TextNormalizer.normalize(text);

    assertThat(n.text()).isEqualTo(expected.toString());
    assertThat(new String(n.chars(), 0, n.text().length())).isEqualTo(n.text());
    for (int x = 0; x < spans.size(); x++) {
      assertThat(n.originalStart(x)).as("start of %d", x).isEqualTo(spans.get(x)[0]);
      assertThat(n.originalEnd(x + 1)).as("end of %d", x).isEqualTo(spans.get(x)[1]);
    }
    assertThat(n.originalEnd(0)).isZero();
  }
}
