package io.rampart.guard;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Reusable arrays of the fast tier, taken from a small shared pool for one use and given back
 * after it, so a prompt costs no allocation for them once the pool is warm: the hash tables of
 * the repetition measures ({@link Repetition}, {@link Features}) and the word arrays of the
 * prompt's {@link Tokens} (for the whole of {@link FastTier#analyse}).
 *
 * <p>Why a pool and not a {@code ThreadLocal}: the gateway inspects every request on a virtual
 * thread of its own, so per-thread arrays would be created for every request and never reused
 * (and a thread-local map entry with them). A measure is CPU-only and holds its arrays for
 * microseconds, so a few slots per core serve any number of threads; when all are taken a fresh
 * scratch is made. Arrays over {@link #MAX} entries are not kept, which bounds the pool to
 * {@code SLOTS * MAX * 29} bytes.
 */
final class Scratch {
  /** Arrays up to this many entries are kept for reuse. */
  static final int MAX = 1 << 13;

  private static final int SLOTS =
      Math.min(32, Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors())) * 4);
  private static final AtomicReferenceArray<Scratch> POOL = new AtomicReferenceArray<>(SLOTS);

  private int[] ints = new int[0];
  private long[] longs = new long[0];
  // Token arrays: start, end, sentence, hash (one int[] each) and leet.
  private final int[][] tokenInts = {new int[0], new int[0], new int[0], new int[0]};
  private boolean[] leet = new boolean[0];

  private Scratch() {}

  /** A scratch from the pool, or a new one when none is free. */
  static Scratch take() {
    int start = (int) Thread.currentThread().threadId();
    for (int k = 0; k < SLOTS; k++) {
      int i = (start + k) & (SLOTS - 1);
      Scratch s = POOL.get(i);
      if (s != null && POOL.compareAndSet(i, s, null)) {
        return s;
      }
    }
    return new Scratch();
  }

  /** Gives back a scratch from {@link #take}; the caller must not use it or its arrays after. */
  static void give(Scratch s) {
    if (s.ints.length > MAX) {
      s.ints = new int[0];
    }
    if (s.longs.length > MAX) {
      s.longs = new long[0];
    }
    if (s.leet.length > MAX) {
      s.leet = new boolean[0];
      java.util.Arrays.setAll(s.tokenInts, k -> new int[0]);
    }
    int start = (int) Thread.currentThread().threadId();
    for (int k = 0; k < SLOTS; k++) {
      int i = (start + k) & (SLOTS - 1);
      if (POOL.get(i) == null && POOL.compareAndSet(i, null, s)) {
        return;
      }
    }
  }

  /** An int array of at least {@code size} entries, the first {@code size} zero. */
  int[] ints(int size) {
    if (ints.length < size) {
      ints = new int[size];
    } else {
      Arrays.fill(ints, 0, size, 0);
    }
    return ints;
  }

  /** Token array {@code k} (0 to 3) of at least {@code size} entries, with arbitrary content. */
  int[] tokenInts(int k, int size) {
    if (tokenInts[k].length < size) {
      tokenInts[k] = new int[size];
    }
    return tokenInts[k];
  }

  /** The leet flags of at least {@code size} entries, with arbitrary content. */
  boolean[] leet(int size) {
    if (leet.length < size) {
      leet = new boolean[size];
    }
    return leet;
  }

  /** A long array of at least {@code size} entries, the first {@code size} zero. */
  long[] longs(int size) {
    if (longs.length < size) {
      longs = new long[size];
    } else {
      Arrays.fill(longs, 0, size, 0L);
    }
    return longs;
  }
}
