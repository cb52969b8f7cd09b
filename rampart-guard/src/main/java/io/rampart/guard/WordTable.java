package io.rampart.guard;

import java.util.Map;

/**
 * An immutable map from words to non-negative ints, looked up by a token of {@link Tokens}
 * without making a {@code String} of it: open addressing on {@link String#hashCode()}, which
 * {@link Tokens} computes for every word as it reads it.
 */
final class WordTable {
  private final String[] keys;
  private final int[] hashes;
  private final int[] values;
  private final int mask;

  private WordTable(Map<String, Integer> entries) {
    int size = Integer.highestOneBit(Math.max(1, entries.size())) * 4;
    keys = new String[size];
    hashes = new int[size];
    values = new int[size];
    mask = size - 1;
    entries.forEach(
        (k, v) -> {
          int slot = mix(k.hashCode()) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = k;
          hashes[slot] = k.hashCode();
          values[slot] = v;
        });
  }

  /** A table of {@code entries}; values must be non-negative. */
  static WordTable of(Map<String, Integer> entries) {
    return new WordTable(entries);
  }

  /** A table mapping each of {@code words} to 1. */
  static WordTable set(Iterable<String> words) {
    Map<String, Integer> m = new java.util.HashMap<>();
    words.forEach(w -> m.put(w, 1));
    return new WordTable(m);
  }

  /** The value of token {@code i} of {@code t}, or -1 when it is not in the table. */
  int get(Tokens t, int i) {
    int h = t.hash[i];
    for (int slot = mix(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == h && t.is(i, keys[slot])) {
        return values[slot];
      }
    }
    return -1;
  }

  /** Whether token {@code i} of {@code t} is in the table. */
  boolean contains(Tokens t, int i) {
    return get(t, i) >= 0;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
