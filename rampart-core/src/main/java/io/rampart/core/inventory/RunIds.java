package io.rampart.core.inventory;

import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * 26-character, time-ordered run IDs (10 Crockford base32 characters of milliseconds, 16 random
 * ones), so that ID order is start order and "newest first" is a plain index scan.
 */
final class RunIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private RunIds() {}

  static String next(Instant now, RandomGenerator random) {
    char[] out = new char[26];
    long millis = Math.max(0, now.toEpochMilli());
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = ALPHABET[random.nextInt(32)];
    }
    return new String(out);
  }

  /**
   * The next ID after {@code previous} ("" for none): a fresh one, or {@code previous} plus one
   * when the clock has not moved past it, so IDs from one store stay in start order.
   */
  static String next(Instant now, RandomGenerator random, String previous) {
    String fresh = next(now, random);
    if (previous.isEmpty() || fresh.substring(0, 10).compareTo(previous.substring(0, 10)) > 0) {
      return fresh;
    }
    char[] out = previous.toCharArray();
    for (int i = 25; i >= 10; i--) {
      int digit = indexOf(out[i]);
      if (digit < 31) {
        out[i] = ALPHABET[digit + 1];
        return new String(out);
      }
      out[i] = '0';
    }
    return fresh; // 32^16 runs in one millisecond: unreachable
  }

  private static int indexOf(char c) {
    for (int i = 0; i < ALPHABET.length; i++) {
      if (ALPHABET[i] == c) {
        return i;
      }
    }
    throw new IllegalArgumentException("id: " + c + " (expected: Crockford base32)");
  }

  static boolean valid(String id) {
    if (id.length() != 26) {
      return false;
    }
    for (int i = 0; i < 26; i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && "ILOU".indexOf(c) < 0))) {
        return false;
      }
    }
    return true;
  }
}
