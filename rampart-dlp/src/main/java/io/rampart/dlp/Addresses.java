package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.STREET_ADDRESS;
import static io.rampart.dlp.ScanState.isDigit;
import static io.rampart.dlp.ScanState.isLower;
import static io.rampart.dlp.ScanState.isUpper;

/** Street addresses: "221B Baker Street", "1600 Pennsylvania Ave NW", "Calle Mayor 12". */
final class Addresses {
  private Addresses() {}

  private static int wordEnd(ScanState st, int p) {
    while (p < st.n && (Character.isLetter(st.s.charAt(p)) || st.s.charAt(p) == '\'')) {
      p++;
    }
    return p;
  }

  /** A house number at {@code [i, end)} followed by capitalized words and a street suffix. */
  static void numbered(ScanState st, int i, int end) {
    Lexicon lx = Lexicon.get();
    int p = end;
    if (st.alnumAt(p) && !isDigit(st.at(p))) {
      p++;
    }
    int suffixEnd = -1;
    for (int w = 0; w < 5; w++) {
      if (st.at(p) != ' ' || !isUpper(st.at(p + 1))) {
        break;
      }
      int ws = p + 1;
      int we = wordEnd(st, ws);
      if (we - ws < 2) {
        break;
      }
      int bits = lx.lookup(st.a, ws, we, Lexicon.hash(st.s, ws, we));
      if ((bits & Lexicon.STREET_SUFFIX) != 0 && w > 0) {
        suffixEnd = st.at(we) == '.' ? we + 1 : we;
        break;
      }
      if (!isLower(st.at(ws + 1)) && we - ws > 2) {
        break;
      }
      p = we;
    }
    if (suffixEnd < 0) {
      return;
    }
    int end2 = extendLocality(st, suffixEnd);
    st.add(STREET_ADDRESS, i, end2, 0.55, 0.85, Lexicon.ADDRESS, 0, "street-address");
  }

  /** Optional ", City, ST 12345" after the street. */
  private static int extendLocality(ScanState st, int p) {
    int q = p;
    if (st.at(q) == ',' && st.at(q + 1) == ' ' && isUpper(st.at(q + 2))) {
      int we = wordEnd(st, q + 2);
      while (st.at(we) == ' ' && isUpper(st.at(we + 1)) && isLower(st.at(we + 2))) {
        we = wordEnd(st, we + 1);
      }
      q = we;
      if (st.at(q) == ',' && st.at(q + 1) == ' ' && isUpper(st.at(q + 2)) && isUpper(st.at(q + 3))
          && st.at(q + 4) == ' ') {
        int z = q + 5;
        int k = z;
        while (k < st.n && isDigit(st.s.charAt(k)) && k - z < 5) {
          k++;
        }
        if (k - z == 5 && !st.alnumAt(k)) {
          return k;
        }
        return q;
      }
      return q;
    }
    return p;
  }

  /** "Calle Mayor 12", "Via Roma 5", "Rue de Rivoli 10": prefix word then a number. */
  static void prefixed(ScanState st, int i, int j) {
    int p = j;
    for (int w = 0; w < 5; w++) {
      if (st.at(p) != ' ') {
        return;
      }
      char c = st.at(p + 1);
      if (isDigit(c)) {
        int k = p + 1;
        while (k < st.n && isDigit(st.s.charAt(k)) && k - p <= 4) {
          k++;
        }
        if (w > 0 && !st.alnumAt(k)) {
          st.add(STREET_ADDRESS, i, k, 0.5, 0.85, Lexicon.ADDRESS, 0, "street-address");
        }
        return;
      }
      if (!Character.isLetter(c)) {
        return;
      }
      p = wordEnd(st, p + 1);
    }
  }
}
