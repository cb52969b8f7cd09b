package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.PERSON;
import static io.rampart.dlp.ScanState.isLower;
import static io.rampart.dlp.ScanState.isUpper;

/**
 * Person names from dictionaries of given and family names: "Given Family", "Given X. Family",
 * "Title Family". A given name alone is not reported: too many of them are ordinary words.
 */
final class Names {
  private Names() {}

  private static boolean nameChar(char c) {
    return Character.isLetter(c);
  }

  private static int wordEnd(ScanState st, int p) {
    while (p < st.n) {
      char c = st.s.charAt(p);
      if (nameChar(c)) {
        p++;
      } else if ((c == '-' || c == '\'') && p + 1 < st.n && Character.isUpperCase(st.s.charAt(p + 1))) {
        p++;
      } else {
        break;
      }
    }
    return p;
  }

  private static boolean capitalized(ScanState st, int from, int to, boolean allCaps) {
    if (to - from < 2 || !Character.isUpperCase(st.s.charAt(from))) {
      return false;
    }
    boolean lower = Character.isLowerCase(st.s.charAt(from + 1));
    return allCaps ? !lower : lower || (to - from > 2 && Character.isLowerCase(st.s.charAt(from + 2)));
  }

  /** Word {@code [i, j)} is a given name or a title; returns where scanning resumes. */
  static int at(ScanState st, int i, int j, int bits) {
    Lexicon lx = Lexicon.get();
    boolean allCaps = j - i > 1 && isUpper(st.s.charAt(i + 1));
    if (!isUpper(st.s.charAt(i))) {
      return j;
    }
    int p = j;
    boolean title = (bits & Lexicon.TITLE) != 0;
    if (title && st.at(p) == '.') {
      p++;
    }
    if (st.at(p) != ' ') {
      return j;
    }
    int ws = p + 1;
    int we = wordEnd(st, ws);
    // middle initial: "John F. Kennedy"
    if (!title && we - ws == 1 && isUpper(st.at(ws)) && st.at(we) == '.' && st.at(we + 1) == ' ') {
      ws = we + 2;
      we = wordEnd(st, ws);
    }
    if (!capitalized(st, ws, we, allCaps)) {
      return j;
    }
    int w2 = lx.lookup(st.a, ws, we, Lexicon.hash(st.s, ws, we));
    if ((w2 & Lexicon.NOT_NAME) != 0) {
      return j;
    }
    boolean surname = (w2 & Lexicon.SURNAME) != 0;
    double base;
    int start = i;
    if (title && (bits & Lexicon.FIRST_NAME) == 0) {
      if ((w2 & Lexicon.FIRST_NAME) != 0) {
        return j;
      }
      start = ws;
      base = surname ? 0.5 : 0.4;
    } else if (surname) {
      base = allCaps ? 0.6 : 0.85;
    } else if ((bits & Lexicon.AMBIGUOUS) != 0 || allCaps || (w2 & Lexicon.FIRST_NAME) != 0
        || (w2 & Lexicon.KEYWORD_BITS) != 0) {
      return j;
    } else {
      base = 0.4;
    }
    int end = we;
    // a second family name: "Maria Garcia Lopez"
    if (st.at(end) == ' ') {
      int xs = end + 1;
      int xe = wordEnd(st, xs);
      if (capitalized(st, xs, xe, allCaps)
          && (lx.lookup(st.a, xs, xe, Lexicon.hash(st.s, xs, xe)) & Lexicon.SURNAME) != 0
          && surname) {
        end = xe;
      }
    }
    st.add(PERSON, start, end, base, Math.min(0.95, base + 0.3), Lexicon.PERSON_CTX, 0, "person");
    return end;
  }

  static boolean isLowerAt(ScanState st, int i) {
    return isLower(st.at(i));
  }
}
