package io.rampart.core.event;

import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Generates event ids: ULIDs (48-bit millisecond time, 80 random bits, 26 Crockford base32
 * characters) that are monotonic within one process, so ids sort in append order even when
 * many events share a millisecond or the clock steps back. Across processes (server and CLI
 * appending to one database) the random part keeps them unique and the time part keeps them
 * in rough time order.
 */
final class EventIds {
  static final Pattern FORMAT = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final long MAX_TIME = (1L << 48) - 1;

  private final RandomGenerator random;
  private long lastMillis = -1;
  // The 80 random bits: 16 high, 64 low.
  private int randomHigh;
  private long randomLow;

  EventIds(RandomGenerator random) {
    this.random = random;
  }

  synchronized String next(Instant now) {
    long millis = Math.clamp(now.toEpochMilli(), 0, MAX_TIME);
    if (millis > lastMillis) {
      lastMillis = millis;
      randomHigh = random.nextInt(1 << 16);
      randomLow = random.nextLong();
    } else if (++randomLow == 0 && ++randomHigh == 1 << 16) {
      // 2^80 ids in one millisecond cannot happen; borrow the next millisecond to stay ordered.
      lastMillis++;
      randomHigh = random.nextInt(1 << 15);
      randomLow = random.nextLong();
    }
    return encode(lastMillis, randomHigh, randomLow);
  }

  static String encode(long millis, int high, long low) {
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    // 80 bits as 16 groups of 5, last group first.
    long lo = low;
    long hi = high & 0xFFFFL;
    for (int i = 25; i >= 10; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo = (lo >>> 5) | ((hi & 31) << 59);
      hi >>>= 5;
    }
    return new String(out);
  }
}
