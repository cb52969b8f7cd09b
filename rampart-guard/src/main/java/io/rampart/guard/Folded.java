package io.rampart.guard;

import java.text.Normalizer;

/**
 * Text folded for matching: NFKD without combining marks, lower case, invisible characters
 * dropped, Unicode tag characters decoded to the ASCII they smuggle, and Cyrillic/Greek
 * look-alikes inside Latin words mapped to Latin. {@link #origin} maps every folded char back to
 * the index of its source char so spans point into what the caller sent.
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

  int originAt(int foldedIndex) {
    if (origin.length == 0) {
      return 0;
    }
    return origin[Math.min(Math.max(foldedIndex, 0), origin.length - 1)];
  }

  /** End offset (exclusive) in the original for a folded end offset. */
  int originEnd(int foldedEnd, String original) {
    if (foldedEnd <= 0 || origin.length == 0) {
      return 0;
    }
    int last = origin[Math.min(foldedEnd, origin.length) - 1];
    return Math.min(original.length(), last + Character.charCount(original.codePointAt(last)));
  }

  static Folded of(String s) {
    // Plain arrays instead of a StringBuilder: this loop runs over every char of every prompt.
    char[] out = new char[s.length() + 16];
    int[] origin = new int[s.length() + 16];
    int n = 0;
    int invisible = 0;
    int tags = 0;
    int first = -1;
    int last = -1;
    boolean nonAscii = false;
    for (int i = 0; i < s.length(); ) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        // ASCII is never invisible, a tag or decomposable: lower-case it and move on.
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
          origin = java.util.Arrays.copyOf(origin, n * 2);
        }
        out[n] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        origin[n++] = i++;
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
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, n * 2);
            origin = java.util.Arrays.copyOf(origin, n * 2);
          }
          out[n] = Character.toLowerCase((char) (cp - 0xE0000));
          origin[n++] = i;
        }
      } else if (isInvisible(cp)) {
        if (touchesWord(s, i, width)) {
          invisible++;
          first = first < 0 ? i : first;
          last = i + width;
        }
      } else if (isUnspacedScript(cp)) {
        // Decomposing Hangul or kana would split syllables into jamo and marks.
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
          origin = java.util.Arrays.copyOf(origin, n * 2);
        }
        nonAscii = true;
        out[n] = (char) cp;
        origin[n++] = i;
      } else {
        String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
        for (int j = 0; j < d.length(); j++) {
          char c = d.charAt(j);
          if (Character.getType(c) == Character.NON_SPACING_MARK) {
            continue;
          }
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, n * 2);
            origin = java.util.Arrays.copyOf(origin, n * 2);
          }
          char lc = Character.toLowerCase(c);
          nonAscii |= lc >= 0x80;
          out[n] = lc;
          origin[n++] = i;
        }
      }
      i += width;
    }
    // A word of ASCII letters only has no look-alike to map.
    int homoglyphWords = nonAscii ? mapHomoglyphs(out, n) : 0;
    int[] trimmed = java.util.Arrays.copyOf(origin, n);
    return new Folded(new String(out, 0, n), trimmed, invisible, tags, homoglyphWords, first, last);
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
