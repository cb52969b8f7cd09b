package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.*;

/** Layout and checksum rules for one span of digit groups. */
final class NumericRules {
  private NumericRules() {}

  static boolean tryMatch(ScanState st, NumberDetectors.Groups g, int a, int b) {
    // groups are joined by one-char separators: no loop (and no loop check for C2 to trap on)
    int digits = g.ge[b] - g.gs[a] - (b - a);
    if (digits < 9 || digits > 19) {
      return false;
    }
    return layouts(st, g, a, b, digits);
  }

  /** The span [a, b] has 9 to 19 digits: which layout and checksum, if any, it fits. */
  private static boolean layouts(ScanState st, NumberDetectors.Groups g, int a, int b,
      int digits) {
    int n = b - a + 1;
    char sep = n > 1 ? g.sep[a] : 0;
    boolean uniform = true;
    for (int k = a; k < b; k++) {
      uniform &= g.sep[k] == sep;
    }
    StringBuilder d = new StringBuilder(digits);
    for (int k = a; k <= b; k++) {
      d.append(st.s, g.gs[k], g.ge[k]);
    }
    int start = g.gs[a];
    int end = g.ge[b];
    int[] len = new int[n];
    for (int k = 0; k < n; k++) {
      len[k] = g.len(a + k);
    }
    // Dotted Brazilian CPF: 123.456.789-09
    if (n == 4 && digits == 11 && g.sep[a] == '.' && g.sep[a + 1] == '.' && g.sep[a + 2] == '-'
        && len[0] == 3 && len[1] == 3 && len[2] == 3) {
      if (Checksums.cpf(d)) {
        st.add(BR_CPF, start, end, 0.8, 0.95, Lexicon.CPF, 2, "br-cpf");
        return true;
      }
      return false;
    }
    if (!uniform) {
      return false;
    }
    boolean dashOrSpace = n == 1 || sep == ' ' || sep == '-';
    if (dashOrSpace && n == 3 && len[0] == 3 && len[1] == 2 && len[2] == 4) {
      if (ssnValid(d)) {
        st.add(US_SSN, start, end, 0.5, 0.9, Lexicon.SSN, 1, "us-ssn");
        return true;
      }
      return false;
    }
    if (dashOrSpace && digits >= 13 && cardLayout(len) && Checksums.luhn(d) && issuer(d)) {
      st.add(CREDIT_CARD, start, end, 0.7, 0.95, Lexicon.CARD, 2, "credit-card");
      return true;
    }
    if (digits == 12 && (n == 1 || (n == 3 && len[0] == 4 && len[1] == 4 && dashOrSpace))
        && d.charAt(0) >= '2' && Checksums.verhoeff(d)) {
      st.add(IN_AADHAAR, start, end, n == 1 ? 0.35 : 0.55, 0.9, Lexicon.AADHAAR, 2, "in-aadhaar");
      return true;
    }
    if (digits == 11 && n == 1 && Checksums.cpf(d)) {
      st.add(BR_CPF, start, end, 0.3, 0.9, Lexicon.CPF, 2, "br-cpf");
      return true;
    }
    if (digits == 9 && n == 1 && ssnValid(d)) {
      st.add(US_SSN, start, end, 0.15, 0.6, Lexicon.SSN, 1, "us-ssn");
      return true;
    }
    return phone(st, d, len, sep, start, end);
  }

  private static boolean phone(ScanState st, CharSequence d, int[] len, char sep, int start,
      int end) {
    int n = len.length;
    int digits = d.length();
    // North American 3-3-4, optionally with a leading 1
    boolean nanp = (n == 3 && len[0] == 3 && len[1] == 3 && len[2] == 4)
        || (n == 4 && len[0] == 1 && d.charAt(0) == '1' && len[1] == 3 && len[2] == 3);
    if (nanp) {
      int area = n == 3 ? 0 : 1;
      if (d.charAt(area) >= '2' && d.charAt(area + 3) >= '2') {
        st.add(PHONE_NUMBER, start, end, 0.45, 0.85, Lexicon.PHONE, 1, "phone-nanp");
        return true;
      }
      return false;
    }
    if (n >= 2 && n <= 5 && d.charAt(0) == '0' && d.charAt(1) != '0' && digits >= 9
        && digits <= 12 && len[0] >= 2 && len[0] <= 5) {
      for (int k = 1; k < n; k++) {
        if (len[k] < 2) {
          return false;
        }
      }
      st.add(PHONE_NUMBER, start, end, 0.45, 0.85, Lexicon.PHONE, 1, "phone-national");
      return true;
    }
    if (n == 1 && (digits == 10 && d.charAt(0) >= '2' || digits == 11 && d.charAt(0) == '0')) {
      st.add(PHONE_NUMBER, start, end, 0.2, 0.6, Lexicon.PHONE, 1, "phone-bare");
      return true;
    }
    boolean allFour = true;
    for (int l : len) {
      allFour &= l == 4;
    }
    if (n >= 2 && n <= 5 && sep == ' ' && digits >= 9 && digits <= 12 && !allFour) {
      st.add(PHONE_NUMBER, start, end, 0.25, 0.6, Lexicon.PHONE, 1, "phone-grouped");
      return true;
    }
    return false;
  }

  static boolean ssnValid(CharSequence d) {
    int area = (d.charAt(0) - '0') * 100 + (d.charAt(1) - '0') * 10 + (d.charAt(2) - '0');
    int group = (d.charAt(3) - '0') * 10 + (d.charAt(4) - '0');
    int serial = Integer.parseInt(d, 5, 9, 10);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private static boolean cardLayout(int[] len) {
    int n = len.length;
    if (n == 1) {
      return true;
    }
    if (n == 3 && len[0] == 4 && len[1] == 6 && (len[2] == 5 || len[2] == 4)) {
      return true;
    }
    for (int k = 0; k < n - 1; k++) {
      if (len[k] != 4) {
        return false;
      }
    }
    return len[n - 1] >= 1 && len[n - 1] <= 4;
  }

  /** Issuer identification number ranges of the major networks. */
  static boolean issuer(CharSequence d) {
    int len = d.length();
    int p2 = (d.charAt(0) - '0') * 10 + (d.charAt(1) - '0');
    int p4 = Integer.parseInt(d, 0, 4, 10);
    int p3 = p4 / 10;
    return switch (d.charAt(0)) {
      case '4' -> len == 13 || len == 16 || len == 19;
      case '5' -> (p2 >= 51 && p2 <= 55 && len == 16) || ((p2 == 50 || p2 >= 56) && len >= 12);
      case '2' -> p4 >= 2221 && p4 <= 2720 && len == 16;
      case '3' -> ((p2 == 34 || p2 == 37) && len == 15)
          || (p4 >= 3528 && p4 <= 3589 && len >= 16)
          || ((p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14);
      case '6' -> (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || p2 == 62
          || p2 == 67 || p2 == 63) && len >= 16;
      default -> false;
    };
  }
}
