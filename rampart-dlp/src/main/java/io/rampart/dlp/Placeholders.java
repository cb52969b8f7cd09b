package io.rampart.dlp;

import java.util.Locale;

/** Recognizes values that only look like secrets: templates, examples, masks and hashes. */
final class Placeholders {
  private Placeholders() {}

  private static final String[] MARKERS = {
    "xxxx", "your", "example", "placeholder", "dummy", "redacted", "changeme", "sample", "fake",
    "<", ">", "${", "{{", "...", "****", "0000000", "1234567", "abcdefgh", "insert", "replace",
    "here", "secret_key", "api_key", "token_here", "••"
  };

  /** Per folded ASCII char pair (c0 * 128 + c1): the ASCII markers that start with it. */
  private static final String[][] BY_PAIR = new String[128 * 128][];
  /** Per ASCII char: whether it is a one-char marker. */
  private static final boolean[] SINGLE = new boolean[128];

  static {
    for (String m : MARKERS) {
      if (m.length() == 1 && m.charAt(0) < 0x80) {
        SINGLE[m.charAt(0)] = true;
      } else if (m.charAt(0) < 0x80 && m.charAt(1) < 0x80) {
        int p = m.charAt(0) * 128 + m.charAt(1);
        String[] old = BY_PAIR[p] == null ? new String[0] : BY_PAIR[p];
        String[] next = java.util.Arrays.copyOf(old, old.length + 1);
        next[old.length] = m;
        BY_PAIR[p] = next;
      }
    }
  }

  static boolean isPlaceholder(CharSequence s, int from, int to) {
    int len = to - from;
    if (len <= 0) {
      return true;
    }
    return ascii(s, from, to) ? asciiPlaceholder(s, from, to) : generalPlaceholder(s, from, to);
  }

  /** The reference definition (any text): markers in the lower-cased value, or low variety. */
  static boolean generalPlaceholder(CharSequence s, int from, int to) {
    String v = s.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    for (String m : MARKERS) {
      if (v.contains(m)) {
        return true;
      }
    }
    return lowVariety(v);
  }

  private static boolean ascii(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
  }

  /**
   * The same answer as the general path for ASCII text, in one pass without a lower-cased copy:
   * values here can be whole PEM bodies, and 25 {@code contains} scans of those were a tenth of
   * the scan time on dense text.
   */
  private static boolean asciiPlaceholder(CharSequence s, int from, int to) {
    char c1 = lower(s.charAt(from));
    for (int i = from; i < to; i++) {
      char c0 = c1;
      if (SINGLE[c0]) {
        return true;
      }
      if (i + 1 == to) {
        break;
      }
      c1 = lower(s.charAt(i + 1));
      String[] ms = BY_PAIR[c0 * 128 + c1];
      if (ms != null) {
        for (String m : ms) {
          if (regionEquals(s, i, to, m)) {
            return true;
          }
        }
      }
    }
    long seen0 = 0;
    long seen1 = 0;
    int distinct = 0;
    int need = Math.min(10, Math.max(3, (to - from) / 4));
    for (int i = from; i < to && distinct < need; i++) {
      int k = lower(s.charAt(i));
      if (k < 64) {
        if ((seen0 & (1L << k)) == 0) {
          seen0 |= 1L << k;
          distinct++;
        }
      } else if ((seen1 & (1L << (k - 64))) == 0) {
        seen1 |= 1L << (k - 64);
        distinct++;
      }
    }
    return distinct < need;
  }

  private static boolean regionEquals(CharSequence s, int i, int to, String m) {
    if (i + m.length() > to) {
      return false;
    }
    for (int j = 2; j < m.length(); j++) {
      if (lower(s.charAt(i + j)) != m.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Few distinct characters for the length: masks, repeated fillers. */
  static boolean lowVariety(String v) {
    long seen0 = 0;
    long seen1 = 0;
    int distinct = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      int k = c & 127;
      if (k < 64) {
        if ((seen0 & (1L << k)) == 0) {
          seen0 |= 1L << k;
          distinct++;
        }
      } else if ((seen1 & (1L << (k - 64))) == 0) {
        seen1 |= 1L << (k - 64);
        distinct++;
      }
    }
    int need = Math.min(10, Math.max(3, v.length() / 4));
    return distinct < need;
  }

  /** Hex digests (MD5, SHA-1, SHA-256, SHA-512) and UUIDs are identifiers, not secrets. */
  static boolean isHashOrUuid(CharSequence s, int from, int to) {
    int len = to - from;
    int hex = 0;
    int dashes = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        hex++;
      } else if (c == '-') {
        dashes++;
      } else {
        return false;
      }
    }
    if (dashes == 4 && len == 36) {
      return true;
    }
    return dashes == 0 && (len == 32 || len == 40 || len == 64 || len == 128 || len == 56);
  }
}
