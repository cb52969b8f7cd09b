package io.rampart.guard;

import java.text.Normalizer;

/**
 * Text folded for matching: NFKD without combining marks, lower case, invisible characters
 * dropped, Unicode tag characters decoded to the ASCII they smuggle, and Cyrillic/Greek
 * look-alikes inside Latin words mapped to Latin. {@link #originAt} and {@link #originEnd} map
 * folded offsets back to the text the caller sent, through {@link #origin} (null when every
 * folded char sits at the index of its source char; read it through those two methods).
 */
record Folded(
    String text,
    int[] origin,
    int invisibleInWords,
    int tagChars,
    int homoglyphWords,
    int firstObfuscation,
    int lastObfuscation) {

  private static final String CONFUSABLE_FROM = "аеорсухіјѕԁɡοαεικνρτυχАЕОРСХІЈЅВМНКТ";
  private static final String CONFUSABLE_TO = "aeopcyxijsdgoaeikvptuxaeopcxijsbmhkt";

  // origin is null when folded char i comes from original char i for every i (any text in which
  // no char is dropped, decomposed or a surrogate pair: all ASCII text), so the common prompt
  // allocates no map; otherwise it may be longer than the text (entries past its end unused).

  int originAt(int foldedIndex) {
    int n = text.length();
    if (n == 0) {
      return 0;
    }
    int i = Math.min(Math.max(foldedIndex, 0), n - 1);
    return origin == null ? i : origin[i];
  }

  /** End offset (exclusive) in the original for a folded end offset. */
  int originEnd(int foldedEnd, String original) {
    int n = text.length();
    if (foldedEnd <= 0 || n == 0) {
      return 0;
    }
    int i = Math.min(foldedEnd, n) - 1;
    int last = origin == null ? i : origin[i];
    return Math.min(original.length(), last + Character.charCount(original.codePointAt(last)));
  }

  static Folded of(String s) {
    int len = s.length();
    int ascii = 0;
    while (ascii < len && s.charAt(ascii) < 0x80) {
      ascii++;
    }
    if (ascii == len) {
      // ASCII is never invisible, a tag, decomposable or a look-alike: lower case is all.
      return new Folded(s.toLowerCase(java.util.Locale.ROOT), null, 0, 0, 0, -1, -1);
    }
    // Plain arrays instead of a StringBuilder: this loop runs over every char of every prompt.
    Out out = new Out(len + 16);
    int invisible = 0;
    int tags = 0;
    int first = -1;
    int last = -1;
    boolean nonAscii = false;
    for (int i = 0; i < len; ) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        // ASCII is never invisible, a tag or decomposable: lower-case it and move on.
        out.put(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch, i++);
        continue;
      }
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp >= 0xE0000 && cp <= 0xE007F) {
        // Tag characters render as nothing but spell ASCII: decode them so signatures see it.
        tags++;
        first = first < 0 ? i : first;
        last = i + width;
        if (cp >= 0xE0020 && cp <= 0xE007E) {
          out.put(Character.toLowerCase((char) (cp - 0xE0000)), i);
        }
      } else if (isInvisible(cp)) {
        if (touchesWord(s, i, width)) {
          invisible++;
          first = first < 0 ? i : first;
          last = i + width;
        }
      } else if (isUnspacedScript(cp)) {
        // Decomposing Hangul or kana would split syllables into jamo and marks.
        nonAscii = true;
        out.put((char) cp, i);
      } else {
        String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
        for (int j = 0; j < d.length(); j++) {
          char c = d.charAt(j);
          if (Character.getType(c) == Character.NON_SPACING_MARK) {
            continue;
          }
          char lc = Character.toLowerCase(c);
          nonAscii |= lc >= 0x80;
          out.put(lc, i);
        }
      }
      i += width;
    }
    // A word of ASCII letters only has no look-alike to map.
    int homoglyphWords = nonAscii ? mapHomoglyphs(out.chars, out.n) : 0;
    return new Folded(new String(out.chars, 0, out.n), out.origin, invisible, tags, homoglyphWords,
        first, last);
  }

  /** The folded chars and, from the first char that does not map to its own index, the origins. */
  private static final class Out {
    char[] chars;
    int[] origin;
    int n;

    Out(int capacity) {
      chars = new char[capacity];
    }

    void put(char c, int from) {
      if (n == chars.length) {
        chars = java.util.Arrays.copyOf(chars, n * 2);
        if (origin != null) {
          origin = java.util.Arrays.copyOf(origin, n * 2);
        }
      }
      if (origin == null && from != n) {
        origin = new int[chars.length];
        for (int k = 0; k < n; k++) {
          origin[k] = k;
        }
      }
      chars[n] = c;
      if (origin != null) {
        origin[n] = from;
      }
      n++;
    }
  }

  static boolean isUnspacedScript(int cp) {
    return (cp >= 0x3040 && cp <= 0x30FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xAC00 && cp <= 0xD7AF);
  }

  static boolean isInvisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || cp == 0x3164
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0xFFA0;
  }

  // Emoji sequences use ZWJ and variation selectors legitimately; only invisibles next to
  // ASCII (inside or between words) are treated as evasion.
  private static boolean touchesWord(String s, int i, int width) {
    boolean before = i > 0 && s.charAt(i - 1) < 0x80 && !Character.isWhitespace(s.charAt(i - 1));
    int next = i + width;
    boolean after = next < s.length() && s.charAt(next) < 0x80;
    return before || after;
  }

  // Maps look-alikes only in words that mix them with Latin letters, so Russian or Greek text
  // is left alone.
  private static int mapHomoglyphs(char[] b, int len) {
    int words = 0;
    int start = 0;
    while (start < len) {
      while (start < len && !Character.isLetter(b[start])) {
        start++;
      }
      int end = start;
      boolean latin = false;
      boolean confusable = false;
      while (end < len && Character.isLetter(b[end])) {
        char c = b[end];
        if (c < 0x80) {
          latin = true;
        } else if (CONFUSABLE_FROM.indexOf(c) >= 0) {
          confusable = true;
        }
        end++;
      }
      if (latin && confusable) {
        words++;
        for (int k = start; k < end; k++) {
          int idx = CONFUSABLE_FROM.indexOf(b[k]);
          if (idx >= 0) {
            b[k] = CONFUSABLE_TO.charAt(idx);
          }
        }
      }
      start = end;
    }
    return words;
  }
}
