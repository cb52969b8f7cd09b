package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.*;
import static io.rampart.dlp.ScanState.isDigit;
import static io.rampart.dlp.ScanState.isUpper;

/**
 * Numeric identifiers. A run of digit groups joined by single separators is parsed once; then the
 * longest group span that fits a detector's layout and passes its validator wins.
 */
final class NumberDetectors {
  private NumberDetectors() {}

  private static final int MAX_GROUPS = 12;

  /** Digit groups of one run: group k is s[gs[k], ge[k]), sep[k] joins group k and k+1. */
  static final class Groups {
    final int[] gs = new int[MAX_GROUPS];
    final int[] ge = new int[MAX_GROUPS];
    final char[] sep = new char[MAX_GROUPS];
    int count;

    int len(int k) {
      return ge[k] - gs[k];
    }
  }

  // digits() runs at every digit run, so C2 compiles it with everything it inlines; its rare
  // cases are tested through char sets (one branch for a class of chars, not one per char that
  // warm-up may never have seen) and handled in methods of their own, compiled apart when cold.

  /** Chars just before a digit run that join it to a preceding token ("v1.2", "a-1", "x/2"). */
  private static final long[] JOINER = ScanState.charBits(".-_/");
  /** Chars just after a digit run that need a closer look (see {@link #unusual}). */
  private static final long[] FOLLOW = ScanState.charBits(ScanState.ALNUM, ":.-");
  /** Currency signs and '#' before a digit run: an amount or an item number, not an ID. */
  private static final long[] CURRENCY = ScanState.charBits("$\u20ac\u00a3#");

  static int digits(ScanState st, int i, Groups g) {
    char prev = st.at(i - 1);
    if ((ScanState.bit(JOINER, prev) & (st.alnumAt(i - 2) ? 1 : 0)) != 0) {
      return skipToken(st, i);
    }
    int end = groups(st, i, g);
    if ((ScanState.bit(FOLLOW, st.at(end)) | ScanState.bit(CURRENCY, prev)) != 0) {
      int e = unusual(st, i, g, end, prev);
      if (e >= 0) {
        return e;
      }
    }
    if (g.count > 1 || g.len(0) >= 9) {
      match(st, g);
    } else if (g.len(0) <= 5) {
      Addresses.numbered(st, i, end);
    }
    return end;
  }

  /** Parses the digit groups from {@code i} into {@code g}; returns the end of the last one. */
  private static int groups(ScanState st, int i, Groups g) {
    g.count = 0;
    int j = i;
    while (true) {
      int k = j;
      while (isDigit(st.at(k))) { // at() is '\0' past the end: no end test to trap on
        k++;
      }
      g.gs[g.count] = j;
      g.ge[g.count] = k;
      g.count++;
      char c = st.at(k);
      if ((c == ' ' || c == '-' || c == '.') && isDigit(st.at(k + 1)) && g.count < MAX_GROUPS) {
        g.sep[g.count - 1] = c;
        j = k + 1;
        continue;
      }
      return k;
    }
  }

  /**
   * A run followed by a letter, ':', '.' or '-', or preceded by a currency sign: the end of what
   * it consumed, or -1 when it is an ordinary number after all.
   */
  private static int unusual(ScanState st, int i, Groups g, int end, char prev) {
    char after = st.at(end);
    if (st.alnumAt(end) || after == ':') {
      return tail(st, i, g, end);
    }
    if (after == '.' && st.alnumAt(end + 1)) {
      return skipToken(st, end);
    }
    if (after == '-' && isUpper(st.at(end + 1)) && !st.alnumAt(end + 2)) {
      return dashLetter(st, i, g, end);
    }
    return ScanState.bit(CURRENCY, prev) != 0 ? end : -1;
  }

  /** "12345678-Z": a Spanish NIF when the run is one group of 8 digits. */
  private static int dashLetter(ScanState st, int i, Groups g, int end) {
    if (g.count == 1 && g.len(0) == 8) {
      nif(st, i, end, end + 1);
    }
    return end + 2;
  }

  private static int skipToken(ScanState st, int i) {
    int k = i;
    while (st.alnumAt(k) || st.at(k) == '.' && st.alnumAt(k + 1)) {
      k++;
    }
    return Math.max(k, i + 1);
  }

  /** Digits run straight into letters or ':' (NIF letter, IPv6, hashes, times). */
  private static int tail(ScanState st, int i, Groups g, int end) {
    if (g.count == 1) {
      int e = FrameTokens.ipv6(st, i);
      if (e > i) {
        return e;
      }
      if (g.len(0) == 8 && isUpper(st.at(end)) && !st.alnumAt(end + 1)) {
        nif(st, i, end, end);
        return end + 1;
      }
    }
    return skipToken(st, g.gs[g.count - 1]);
  }

  private static void nif(ScanState st, int i, int digitsEnd, int letterAt) {
    long v = Long.parseLong(st.s, i, digitsEnd, 10);
    if (Checksums.nifLetter(v, st.s.charAt(letterAt))) {
      st.add(ES_NIF, i, letterAt + 1, 0.8, 0.95, Lexicon.NIF, 2, "es-nif");
    }
  }

  /** Several groups, or one of 9 digits or more: the layouts and checksums. */
  private static void match(ScanState st, Groups g) {
    int total = g.ge[g.count - 1] - g.gs[0];
    if (g.count == 4 && g.sep[0] == '.' && g.sep[1] == '.' && g.sep[2] == '.') {
      ipv4(st, g);
      return;
    }
    boolean uniform = true;
    for (int k = 0; k + 1 < g.count; k++) {
      uniform &= g.sep[k] == g.sep[0];
    }
    boolean cpfLayout = g.count == 4 && g.sep[0] == '.' && g.sep[1] == '.' && g.sep[2] == '-';
    if (uniform && total <= 23 || cpfLayout) {
      // one coherently grouped number: a failed checksum must not leave a valid-looking part
      NumericRules.tryMatch(st, g, 0, g.count - 1);
      return;
    }
    int a = 0;
    while (a < g.count) {
      int matched = -1;
      for (int b = g.count - 1; b >= a && matched < 0; b--) {
        if (NumericRules.tryMatch(st, g, a, b)) {
          matched = b;
        }
      }
      a = matched >= 0 ? matched + 1 : a + 1;
    }
  }

  private static void ipv4(ScanState st, Groups g) {
    for (int k = 0; k < 4; k++) {
      int len = g.len(k);
      if (len > 3 || (len > 1 && st.s.charAt(g.gs[k]) == '0')) {
        return;
      }
      if (Integer.parseInt(st.s, g.gs[k], g.ge[k], 10) > 255) {
        return;
      }
    }
    int start = g.gs[0];
    char before = st.at(start - 1);
    if (before == 'v' || before == 'V') {
      return;
    }
    st.add(IP_ADDRESS, start, g.ge[3], 0.6, 0.85, Lexicon.IP, 1, "ipv4");
  }

  /** '+' followed by digits: an international phone number. */
  static int plus(ScanState st, int i, Groups g) {
    if (st.alnumAt(i - 1) || !isDigit(st.at(i + 1))) {
      return i + 1;
    }
    String s = st.s;
    int p = i + 1;
    int digits = 0;
    int groups = 0;
    int end = p;
    while (p < st.n && digits <= 15) {
      int k = p;
      while (k < st.n && isDigit(s.charAt(k))) {
        k++;
      }
      if (k == p) {
        break;
      }
      digits += k - p;
      groups++;
      end = k;
      char c = st.at(k);
      if ((c == ' ' || c == '-' || c == '.') && isDigit(st.at(k + 1))) {
        p = k + 1;
      } else if (c == ' ' && st.at(k + 1) == '(' || c == '(') {
        int open = c == '(' ? k : k + 1;
        int close = areaCode(st, open);
        if (close < 0) {
          break;
        }
        digits += close - open - 1;
        p = close + 1;
        if (st.at(p) == ' ' || st.at(p) == '-') {
          p++;
        }
      } else {
        break;
      }
    }
    if (st.alnumAt(end) || digits < 8 || digits > 15) {
      return end;
    }
    double base = groups >= 2 || digits >= 10 ? 0.6 : 0.4;
    st.add(PHONE_NUMBER, i, end, base, 0.9, Lexicon.PHONE, 1, "phone-intl");
    return end;
  }

  /** "(20)" at {@code open} inside an international number: the index of ')', or -1. */
  private static int areaCode(ScanState st, int open) {
    int close = open + 1;
    while (close < st.n && isDigit(st.a[close]) && close - open <= 4) {
      close++;
    }
    return st.at(close) != ')' || close == open + 1 ? -1 : close;
  }

  /** "(206) 555-0143" style North American numbers. */
  static int paren(ScanState st, int i) {
    String s = st.s;
    if (!(isDigit(st.at(i + 1)) && isDigit(st.at(i + 2)) && isDigit(st.at(i + 3))
        && st.at(i + 4) == ')')) {
      return i + 1;
    }
    int p = i + 5;
    if (st.at(p) == ' ') {
      p++;
    }
    for (int k = 0; k < 3; k++) {
      if (!isDigit(st.at(p + k))) {
        return i + 1;
      }
    }
    char sep = st.at(p + 3);
    if (sep != '-' && sep != '.' && sep != ' ') {
      return i + 1;
    }
    for (int k = 4; k < 8; k++) {
      if (!isDigit(st.at(p + k))) {
        return i + 1;
      }
    }
    int end = p + 8;
    if (st.alnumAt(end) || s.charAt(i + 1) < '2') {
      return i + 1;
    }
    st.add(PHONE_NUMBER, i, end, 0.55, 0.9, Lexicon.PHONE, 1, "phone-nanp");
    return end;
  }
}
