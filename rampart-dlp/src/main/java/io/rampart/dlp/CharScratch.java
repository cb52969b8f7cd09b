package io.rampart.dlp;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small shared pool of char buffers for the scanner's copy of the text, taken for one scan and
 * given back after it.
 *
 * <p>Why not a {@code ThreadLocal}: the gateway scans every request on a virtual thread of its
 * own, so a per-thread buffer was created (with its thread-local map entry) for every request and
 * never reused. The pool is keyed by nothing: a scan is CPU-only and holds a buffer for
 * microseconds, so a handful of slots per core serves any number of threads. Buffers over
 * {@link #MAX} chars are never pooled, which bounds what the pool keeps to
 * {@code SLOTS * MAX * 2} bytes.
 */
final class CharScratch {
  /** Buffers up to this many chars are pooled (128 KiB each). */
  static final int MAX = 1 << 16;

  private static final int SLOTS =
      Math.min(32, Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors())) * 4);
  private static final AtomicReferenceArray<char[]> POOL = new AtomicReferenceArray<>(SLOTS);

  private CharScratch() {}

  /**
   * A buffer of at least {@code n} chars, with arbitrary content: a pooled one when one is free
   * and long enough, else a new one (at least 1,024 chars, so small texts share sizes).
   */
  static char[] take(int n) {
    if (n > MAX) {
      return new char[n];
    }
    int start = (int) Thread.currentThread().threadId();
    for (int k = 0; k < SLOTS; k++) {
      int i = (start + k) & (SLOTS - 1);
      char[] b = POOL.get(i);
      if (b != null && b.length >= n && POOL.compareAndSet(i, b, null)) {
        return b;
      }
    }
    return new char[Math.max(n, 1024)];
  }

  /** Gives back a buffer from {@link #take}; the caller must not use it afterwards. */
  static void give(char[] b) {
    if (b.length > MAX) {
      return;
    }
    int start = (int) Thread.currentThread().threadId();
    for (int k = 0; k < SLOTS; k++) {
      int i = (start + k) & (SLOTS - 1);
      char[] old = POOL.get(i);
      // A free slot, or a shorter buffer that this one replaces (the pool grows to the sizes
      // scanned instead of keeping buffers too short for them).
      if ((old == null || old.length < b.length) && POOL.compareAndSet(i, old, b)) {
        return;
      }
    }
  }
}
