package io.rampart.dlp;

/**
 * Folds text into the form the detectors match on: NFKC per code point (full-width digits,
 * ligatures, exotic spaces), invisible and combining characters removed, common homoglyphs and
 * dash variants mapped to ASCII. Pure-ASCII text is returned as is, so the common case costs one
 * read of the text. Every normalized char remembers the original code point it came from, so
 * findings map back to exact original offsets.
 */
final class TextNormalizer {
  private static final String[] CACHE = new String[0x10000];
  private static final String DROP = "";

  private TextNormalizer() {}

  /** The result: normalized text plus, when it differs, the map back to original offsets. */
  record Normalized(String text, int[] starts, int[] ends, boolean identity) {
    int originalStart(int i) {
      return identity ? i : starts[i];
    }

    int originalEnd(int endExclusive) {
      if (identity) {
        return endExclusive;
      }
      return endExclusive == 0 ? 0 : ends[endExclusive - 1];
    }
  }

  static Normalized normalize(CharSequence input) {
    String s = input.toString();
    int n = s.length();
    int firstNonAscii = -1;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        firstNonAscii = i;
        break;
      }
    }
    if (firstNonAscii < 0) {
      return new Normalized(s, new int[0], new int[0], true);
    }
    StringBuilder out = new StringBuilder(n);
    int[] starts = new int[n + 16];
    int[] ends = new int[n + 16];
    for (int i = 0; i < firstNonAscii; i++) {
      out.append(s.charAt(i));
      starts[i] = i;
      ends[i] = i + 1;
    }
    int i = firstNonAscii;
    while (i < n) {
      char c = s.charAt(i);
      int len = 1;
      String mapped;
      if (c < 0x80) {
        mapped = null;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        len = 2;
        mapped = fold(Character.toCodePoint(c, s.charAt(i + 1)));
      } else {
        mapped = folded(c);
      }
      if (mapped == null) {
        int k = out.length();
        if (k >= starts.length) {
          starts = java.util.Arrays.copyOf(starts, k * 2 + 16);
          ends = java.util.Arrays.copyOf(ends, k * 2 + 16);
        }
        out.append(c);
        starts[k] = i;
        ends[k] = i + 1;
      } else {
        for (int j = 0; j < mapped.length(); j++) {
          int k = out.length();
          if (k >= starts.length) {
            starts = java.util.Arrays.copyOf(starts, k * 2 + 16);
            ends = java.util.Arrays.copyOf(ends, k * 2 + 16);
          }
          out.append(mapped.charAt(j));
          starts[k] = i;
          ends[k] = i + len;
        }
      }
      i += len;
    }
    return new Normalized(out.toString(), starts, ends, false);
  }

  private static String folded(char c) {
    String v = CACHE[c];
    if (v == null) {
      v = fold(c);
      // a racy fill is harmless: every thread computes the same immutable string
      CACHE[c] = v;
    }
    return v;
  }

  private static String fold(int cp) {
    if (isInvisible(cp)) {
      return DROP;
    }
    String nfkc = java.text.Normalizer.normalize(Character.toString(cp), java.text.Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); ) {
      int x = nfkc.codePointAt(i);
      i += Character.charCount(x);
      if (isInvisible(x) || Character.getType(x) == Character.NON_SPACING_MARK) {
        continue;
      }
      int h = homoglyph(x);
      if (Character.isSpaceChar(h)) {
        h = ' ';
      }
      b.appendCodePoint(h);
    }
    return b.toString();
  }

  static boolean isInvisible(int cp) {
    return cp == 0x00AD
        || cp == 0x034F
        || cp == 0x061C
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x17B4
        || cp == 0x17B5
        || (cp >= 0x180B && cp <= 0x180E)
        || (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x206F)
        || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF
        || cp == 0xFFA0
        || (cp >= 0xE0000 && cp <= 0xE0FFF)
        || (cp >= 0x1D173 && cp <= 0x1D17A)
        || Character.getType(cp) == Character.FORMAT;
  }

  private static final String HOMO_FROM =
      "АВЕКМНОРСТХУЅІЈаеорсухіјѕԁɡΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοѵνρτ‐‑‒–—―−﹣－‘’‚‛“”„‟";
  private static final String HOMO_TO =
      "ABEKMHOPCTXYSIJaeopcyxijsdgABEZHIKMNOPTYXaovvpt---------''''\"\"\"\"";

  private static int homoglyph(int cp) {
    if (cp < 0x80 || cp > 0xFFFF) {
      return cp;
    }
    int k = HOMO_FROM.indexOf(cp);
    return k < 0 ? cp : HOMO_TO.charAt(k);
  }
}
