package io.rampart.dlp;

/**
 * Folds text into the form the detectors match on: NFKC per code point (full-width digits,
 * ligatures, exotic spaces), invisible and combining characters removed, common homoglyphs and
 * dash variants mapped to ASCII. Text in which no character changes (pure ASCII, but also ordinary
 * accented or CJK text) is returned as is, so the common case costs one read of the text and no
 * allocation. Otherwise only the changed characters are rewritten: unchanged runs are bulk-copied
 * and the map back to original offsets is sparse (one entry per changed character, not per
 * character of the text), so findings still map back to exact original offsets.
 */
final class TextNormalizer {
  private static final String[] CACHE = new String[0x10000];
  /** Per BMP char: 0 not yet known, 1 folds to itself, 2 folds to something else. */
  private static final byte[] STATE = new byte[0x10000];
  private static final String DROP = "";
  private static final int[] NONE = new int[0];

  private TextNormalizer() {}

  /**
   * The result: normalized text plus, when it differs, a sparse map back to original offsets.
   * Unit {@code k} says that the {@code origLen[k]} original chars at {@code origAt[k]} became the
   * {@code normLen[k]} normalized chars at {@code normAt[k]} (0 for a dropped char); between units
   * the two texts advance in step.
   */
  record Normalized(String text, char[] chars, int[] normAt, int[] origAt, int[] origLen,
      int[] normLen, int units) {
    boolean identity() {
      return units == 0;
    }

    /** The last unit whose normalized start is at or before {@code x}, or -1. */
    private int unitAt(int x) {
      int lo = 0;
      int hi = units;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (normAt[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - 1;
    }

    int originalStart(int i) {
      if (units == 0) {
        return i;
      }
      int k = unitAt(i);
      if (k < 0) {
        return i;
      }
      int after = normAt[k] + normLen[k];
      return i < after ? origAt[k] : origAt[k] + origLen[k] + (i - after);
    }

    int originalEnd(int endExclusive) {
      if (units == 0 || endExclusive == 0) {
        return endExclusive;
      }
      int x = endExclusive - 1;
      int k = unitAt(x);
      if (k < 0) {
        return endExclusive;
      }
      int after = normAt[k] + normLen[k];
      return x < after ? origAt[k] + origLen[k] : origAt[k] + origLen[k] + (x - after) + 1;
    }
  }

  /**
   * Normalizes {@code input}. The result also carries the normalized text as a char array (at
   * least {@code text.length()} long) for the scanner's hot loops: indexing an array is cheaper
   * than {@code String.charAt}, above all for text that is not Latin-1.
   */
  static Normalized normalize(CharSequence input) {
    return normalize(input.toString(), null);
  }

  /**
   * As {@link #normalize(CharSequence)}, but reads the text through {@code buffer} when it is at
   * least as long (a caller's scratch, see {@link CharScratch}): when nothing changes,
   * {@code chars} is that buffer, valid as long as the caller keeps it.
   */
  static Normalized normalize(String s, char[] buffer) {
    int n = s.length();
    char[] a = buffer != null && buffer.length >= n ? buffer : new char[n];
    s.getChars(0, n, a, 0);
    int i = nextChange(a, 0, n);
    if (i == n) {
      return new Normalized(s, a, NONE, NONE, NONE, NONE, 0);
    }
    char[] out = new char[n + 16];
    int len = 0;
    int cap = 16;
    int[] normAt = new int[cap];
    int[] origAt = new int[cap];
    int[] origLen = new int[cap];
    int[] normLen = new int[cap];
    int units = 0;
    int copied = 0;
    while (true) {
      // unchanged run [copied, i): one bulk copy
      int run = i - copied;
      if (len + run + 8 > out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, len + run + 8));
      }
      System.arraycopy(a, copied, out, len, run);
      len += run;
      if (i == n) {
        break;
      }
      char c = a[i];
      int w = 1;
      String mapped;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(a[i + 1])) {
        w = 2;
        mapped = fold(Character.toCodePoint(c, a[i + 1]));
      } else {
        mapped = folded(c);
      }
      if (units == cap) {
        cap *= 2;
        normAt = java.util.Arrays.copyOf(normAt, cap);
        origAt = java.util.Arrays.copyOf(origAt, cap);
        origLen = java.util.Arrays.copyOf(origLen, cap);
        normLen = java.util.Arrays.copyOf(normLen, cap);
      }
      normAt[units] = len;
      origAt[units] = i;
      origLen[units] = w;
      normLen[units] = mapped.length();
      units++;
      if (len + mapped.length() + 8 > out.length) {
        out = java.util.Arrays.copyOf(out, out.length * 2 + mapped.length());
      }
      mapped.getChars(0, mapped.length(), out, len);
      len += mapped.length();
      copied = i + w;
      i = nextChange(a, copied, n);
    }
    return new Normalized(new String(out, 0, len), out, normAt, origAt, origLen, normLen, units);
  }

  /** Index of the first non-ASCII char at or after {@code from}, or n. */
  private static int skipAscii(char[] s, int from, int n) {
    // kept apart from the rest so that the JIT compiles this, the common case, as a tight loop
    for (int i = from; i < n; i++) {
      if (s[i] >= 0x80) {
        return i;
      }
    }
    return n;
  }

  /** Index of the first char at or after {@code from} that normalization changes, or n. */
  private static int nextChange(char[] s, int from, int n) {
    int i = from;
    while (i < n) {
      i = skipAscii(s, i, n);
      if (i == n) {
        break;
      }
      char c = s[i];
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
        // supplementary chars are rare; emoji and most others fold to themselves
        int cp = Character.toCodePoint(c, s[i + 1]);
        if (!fold(cp).equals(new String(s, i, 2))) {
          return i;
        }
        i += 2;
        continue;
      }
      byte state = STATE[c];
      if (state == 0) {
        state = folded(c).equals(String.valueOf(c)) ? (byte) 1 : (byte) 2;
        // a racy fill is harmless: every thread computes the same value
        STATE[c] = state;
      }
      if (state == 2) {
        return i;
      }
      i++;
    }
    return n;
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
