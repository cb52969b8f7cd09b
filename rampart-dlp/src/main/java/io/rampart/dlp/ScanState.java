package io.rampart.dlp;

import java.util.ArrayList;
import java.util.List;

/** Per-scan mutable state: the normalized text and the candidates found so far. */
final class ScanState {
  static final int BEFORE = 64;
  static final int AFTER = 32;

  final String s;
  /** The same text as {@link #s} (at least n long), for the hot loops. */
  final char[] a;
  final int n;
  final List<Candidate> candidates = new ArrayList<>();

  ScanState(String s, char[] a) {
    this.s = s;
    this.a = a.length == 0 ? new char[1] : a; // at() reads a[0] for indexes outside the text
    this.n = s.length();
  }

  // The helpers below are branch-free on purpose: C2 turns a branch that its profile never saw
  // taken into a trap, and a trap in a helper inlined everywhere discards the big compiled method
  // around it (text edges, the first non-ASCII letter): see docs/BENCHMARKS.md, DLP Round 5.

  /** The char at {@code i}, or '\0' outside the text. */
  char at(int i) {
    int out = (i | (n - 1 - i)) >> 31; // -1 when i is outside [0, n), else 0
    return (char) (a[i & ~out] & ~out);
  }

  /** One bit per char (1024 longs): a membership test without branches, see {@link #bit}. */
  static long[] charBits(String members) {
    return charBits(new long[1024], members);
  }

  /** {@code set} with {@code members} added. */
  static long[] charBits(long[] set, String members) {
    long[] bits = set.clone();
    for (char c : members.toCharArray()) {
      bits[c >>> 6] |= 1L << c;
    }
    return bits;
  }

  /** 1 when {@code c} is in {@code set} (made by {@link #charBits}), else 0. */
  static int bit(long[] set, char c) {
    return (int) (set[c >>> 6] >>> c) & 1;
  }

  /** ASCII letters and digits, and the chars above ASCII that are letters or digits. */
  static final long[] ALNUM = new long[1024];

  static {
    for (int c = 0; c < 0x10000; c++) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || (c >= 0x80 && Character.isLetterOrDigit((char) c))) {
        ALNUM[c >>> 6] |= 1L << c;
      }
    }
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
    return bit(ALNUM, c) != 0;
  }

  boolean alnumAt(int i) {
    return bit(ALNUM, at(i)) != 0; // at() is '\0' outside the text, not alphanumeric
  }

  // Context keywords of the words starting in [kwFrom, kwTo), in text order: filled on demand
  // around candidates, so ordinary text with no candidates never pays for them. Queries come
  // roughly in text order; one that leaves the covered region restarts it.
  // Empty until the first keyword is recorded: most prompts have no candidate that asks.
  private int[] kwStart = NO_INTS;
  private int[] kwBits = NO_INTS;
  private static final int[] NO_INTS = new int[0];
  private int kwCount;
  private int kwFrom = -1;
  private int kwTo = -1;

  /** Union of context keyword bits of the words that start in [from, to). */
  int keywordsIn(int from, int to) {
    int lo0 = Math.max(0, from);
    int hi0 = Math.min(n, to);
    if (lo0 >= hi0) {
      return 0;
    }
    if (kwFrom < 0 || lo0 < kwFrom || lo0 > kwTo) {
      kwCount = 0;
      int p = lo0;
      if (p > 0 && isAlnum(a[p - 1])) {
        while (p < n && isAlnum(a[p])) {
          p++; // this word started before the region
        }
      }
      kwFrom = lo0;
      kwTo = p;
    }
    if (kwTo < hi0) {
      cover(hi0);
    }
    int lo = 0;
    int hi = kwCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (kwStart[mid] < lo0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int bits = 0;
    for (int k = lo; k < kwCount && kwStart[k] < hi0; k++) {
      bits |= kwBits[k];
    }
    return bits;
  }

  /** Records the keywords of the words starting in [kwTo, stop); kwTo is never inside a word. */
  private void cover(int stop) {
    Lexicon lx = Lexicon.get();
    int p = kwTo;
    while (p < stop) {
      char c = a[p];
      if (!isAlnum(c)) {
        p++;
        continue;
      }
      int q = p;
      int h = 0;
      boolean digit = false;
      while (q < n) {
        char d = a[q];
        if (!isAlnum(d)) {
          break;
        }
        digit |= isDigit(d);
        h = 31 * h + (d < 0x80 ? (char) (d >= 'A' && d <= 'Z' ? d | 0x20 : d) : Lexicon.fold(d));
        q++;
      }
      if (!digit && q - p <= 24) {
        int bits = lx.lookup(a, p, q, h) & Lexicon.KEYWORD_BITS;
        if (bits != 0) {
          if (kwCount == kwStart.length) {
            kwStart = java.util.Arrays.copyOf(kwStart, Math.max(16, kwCount * 2));
            kwBits = java.util.Arrays.copyOf(kwBits, Math.max(16, kwCount * 2));
          }
          kwStart[kwCount] = p;
          kwBits[kwCount] = bits;
          kwCount++;
        }
      }
      p = q;
    }
    kwTo = p;
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
