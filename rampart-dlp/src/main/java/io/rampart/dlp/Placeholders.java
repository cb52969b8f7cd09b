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

  static boolean isPlaceholder(CharSequence s, int from, int to) {
    int len = to - from;
    if (len <= 0) {
      return true;
    }
    String v = s.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    for (String m : MARKERS) {
      if (v.contains(m)) {
        return true;
      }
    }
    return lowVariety(v);
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
