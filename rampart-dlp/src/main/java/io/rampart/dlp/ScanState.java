package io.rampart.dlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-scan mutable state: the normalized text, keyword hits seen so far and candidates. */
final class ScanState {
  static final int BEFORE = 64;
  static final int AFTER = 32;

  final String s;
  final int n;
  final List<Candidate> candidates = new ArrayList<>();
  private int[] kwStart = new int[64];
  private int[] kwBits = new int[64];
  private int kwCount;

  ScanState(String s) {
    this.s = s;
    this.n = s.length();
  }

  char at(int i) {
    return i >= 0 && i < n ? s.charAt(i) : '\0';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c >= 0x80 && Character.isLetterOrDigit(c));
  }

  boolean alnumAt(int i) {
    return i >= 0 && i < n && isAlnum(s.charAt(i));
  }

  void keyword(int start, int bits) {
    if (kwCount == kwStart.length) {
      kwStart = Arrays.copyOf(kwStart, kwCount * 2);
      kwBits = Arrays.copyOf(kwBits, kwCount * 2);
    }
    kwStart[kwCount] = start;
    kwBits[kwCount] = bits;
    kwCount++;
  }

  /** Union of keyword bits whose word starts in [from, to). Keywords arrive in text order. */
  int keywordsIn(int from, int to) {
    int lo = 0;
    int hi = kwCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (kwStart[mid] < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int bits = 0;
    for (int k = lo; k < kwCount && kwStart[k] < to; k++) {
      bits |= kwBits[k];
    }
    return bits;
  }

  int contextAround(int start, int end) {
    return keywordsIn(Math.max(0, start - BEFORE), Math.min(n, end + AFTER));
  }

  void add(String type, int start, int end, double base, double boosted, int ctx, int prio,
      String detector) {
    candidates.add(new Candidate(type, start, end, base, boosted, ctx, prio, detector));
  }

  /** Whether s[from, to) equals {@code lit} exactly. */
  boolean matches(int from, String lit) {
    return from >= 0 && from + lit.length() <= n && s.startsWith(lit, from);
  }
}
