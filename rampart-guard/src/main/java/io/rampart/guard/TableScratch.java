package io.rampart.guard;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Hash-table arrays for the repetition measures ({@link Repetition}, {@link Features}), taken
 * from a small shared pool for one measure and given back after it, so a prompt's tables cost no
 * allocation once the pool is warm.
 *
 * <p>Why a pool and not a {@code ThreadLocal}: the gateway inspects every request on a virtual
 * thread of its own, so per-thread arrays would be created for every request and never reused
 * (and a thread-local map entry with them). A measure is CPU-only and holds its arrays for
 * microseconds, so a few slots per core serve any number of threads; when all are taken a fresh
 * scratch is made. Arrays over {@link #MAX} entries are not kept, which bounds the pool to
 * {@code SLOTS * MAX * 12} bytes.
 */
final class TableScratch {
  /** Arrays up to this many entries are kept for reuse. */
  static final int MAX = 1 << 13;

  private static final int SLOTS =
      Math.min(64, Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors())) * 4);
  private static final AtomicReferenceArray<TableScratch> POOL = new AtomicReferenceArray<>(SLOTS);

  private int[] ints = new int[0];
  private long[] longs = new long[0];

  private TableScratch() {}

  /** A scratch from the pool, or a new one when none is free. */
  static TableScratch take() {
    int start = (int) Thread.currentThread().threadId();
    for (int k = 0; k < SLOTS; k++) {
      int i = (start + k) & (SLOTS - 1);
      TableScratch s = POOL.get(i);
      if (s != null && POOL.compareAndSet(i, s, null)) {
        return s;
      }
    }
    return new TableScratch();
  }

  /** Gives back a scratch from {@link #take}; the caller must not use it or its arrays after. */
  static void give(TableScratch s) {
    if (s.ints.length > MAX) {
      s.ints = new int[0];
    }
    if (s.longs.length > MAX) {
      s.longs = new long[0];
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
