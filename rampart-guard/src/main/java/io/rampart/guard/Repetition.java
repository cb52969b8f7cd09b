package io.rampart.guard;

/**
 * Length-independent repetition measures for the token-flood signal.
 *
 * <p>The share of repeated words over a whole text ({@code 1 - distinct / tokens}) grows with
 * length for any language (Heaps' law: vocabulary grows far slower than text), so long ordinary
 * documents drift towards the threshold a flood is judged by: 16 KB of plain English measures
 * 0.76-0.9. Two measures that prose does not approach, whatever its length, replace it:
 *
 * <ul>
 *   <li>{@link #windowed}: the highest repeated-word share in any window of {@link #WINDOW}
 *       words (half-overlapping), as the moving-average type-token ratio does. Prose keeps
 *       0.3-0.5 in a window of 128; a word or a phrase of up to ~19 words said over and over
 *       reaches 0.85 or more, wherever it sits in the text.
 *   <li>{@link #repeatedNgrams}: the share of word {@value #NGRAM}-grams already seen earlier in
 *       the text, a crude compression ratio. Prose almost never repeats eight words in a row;
 *       a paragraph pasted again and again is repeated nearly all through.
 * </ul>
 *
 * Words are given by their hash codes ({@link Tokens#hash}) and compared by them: a collision can only make two distinct words count as
 * one, which is vanishingly rare for 32-bit hashes of a few hundred words and errs to flagging.
 */
final class Repetition {
  /** Words per window of {@link #windowed}. */
  static final int WINDOW = 128;

  /** Words per n-gram of {@link #repeatedNgrams}. */
  static final int NGRAM = 8;

  private Repetition() {}

  /**
   * The highest {@code 1 - distinct / size} over windows of {@link #WINDOW} words that start
   * every {@code WINDOW / 2} words; the whole text when it is shorter than one window.
   */
  static double windowed(int[] words, int n) {
    if (n == 0) {
      return 0;
    }
    Scratch scratch = Scratch.take();
    try {
      return windowed(words, n, scratch.ints(4 * WINDOW));
    } finally {
      Scratch.give(scratch);
    }
  }

  // table: hashes in [0, 2 * WINDOW), each slot's generation stamp 2 * WINDOW entries later.
  private static double windowed(int[] words, int n, int[] table) {
    int stamps = 2 * WINDOW;
    int mask = stamps - 1;
    double worst = 0;
    int generation = 0;
    for (int from = 0; ; from += WINDOW / 2) {
      int to = Math.min(n, from + WINDOW);
      generation++;
      int distinct = 0;
      for (int i = from; i < to; i++) {
        int h = words[i];
        int slot = mix(h) & mask;
        while (table[stamps + slot] == generation && table[slot] != h) {
          slot = (slot + 1) & mask;
        }
        if (table[stamps + slot] != generation) {
          table[stamps + slot] = generation;
          table[slot] = h;
          distinct++;
        }
      }
      worst = Math.max(worst, 1.0 - (double) distinct / (to - from));
      if (to == n) {
        return worst;
      }
    }
  }

  /**
   * The share of the text's word {@value #NGRAM}-grams that occurred earlier in it; 0 below
   * {@code 4 * NGRAM} words.
   */
  static double repeatedNgrams(int[] words, int n) {
    int grams = n - NGRAM + 1;
    if (n < 4 * NGRAM) {
      return 0;
    }
    Scratch scratch = Scratch.take();
    try {
      int size = tableSize(grams);
      return repeatedNgrams(words, n, scratch.longs(size), size - 1);
    } finally {
      Scratch.give(scratch);
    }
  }

  private static double repeatedNgrams(int[] words, int n, long[] set, int mask) {
    int grams = n - NGRAM + 1;
    long pow = 1;
    for (int i = 1; i < NGRAM; i++) {
      pow *= 1_000_003L;
    }
    long h = 0;
    int repeated = 0;
    for (int i = 0; i < n; i++) {
      if (i >= NGRAM) {
        h -= pow * words[i - NGRAM];
      }
      h = h * 1_000_003L + words[i];
      if (i < NGRAM - 1) {
        continue;
      }
      long key = h == 0 ? 1 : h; // 0 marks an empty slot
      int slot = (int) mix64(key) & mask;
      while (set[slot] != 0 && set[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (set[slot] == key) {
        repeated++;
      } else {
        set[slot] = key;
      }
    }
    return (double) repeated / grams;
  }

  /** A power of two at least 1.5 times {@code entries}: open addressing at most 2/3 full. */
  static int tableSize(int entries) {
    return Integer.highestOneBit(Math.max(2, entries + (entries >> 1)) - 1) << 1;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  private static long mix64(long h) {
    long x = h * 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }
}
