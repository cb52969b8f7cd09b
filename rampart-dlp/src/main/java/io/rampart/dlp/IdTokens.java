package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.*;
import static io.rampart.dlp.ScanState.isDigit;
import static io.rampart.dlp.ScanState.isUpper;

/** National identifiers and IBANs that begin with capital letters. */
final class IdTokens {
  private IdTokens() {}

  private static final int[] IBAN_LENGTH = new int[26 * 26];

  static {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21"
            + " HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25"
            + " MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25"
            + " QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24"
            + " TR26 UA29 VA22 VG24 XK20 YE30";
    for (String e : table.split(" ")) {
      IBAN_LENGTH[(e.charAt(0) - 'A') * 26 + e.charAt(1) - 'A'] = Integer.parseInt(e.substring(2));
    }
  }

  /** Tries the capital-letter identifiers at the word {@code [i, j)}; returns resume index. */
  static int word(ScanState st, int i, int j) {
    String s = st.s;
    int len = j - i;
    char a = s.charAt(i);
    if (len >= 2 && isUpper(s.charAt(i + 1))) {
      if (len >= 4 && isDigit(st.at(i + 2)) && isDigit(st.at(i + 3))) {
        int e = iban(st, i);
        if (e > i) {
          return e;
        }
      }
      if (len == 9 || len == 2) {
        int e = nino(st, i, j);
        if (e > i) {
          return e;
        }
      }
    }
    if (len == 16) {
      fiscal(st, i);
    } else if (len == 9 && (a == 'X' || a == 'Y' || a == 'Z')) {
      nie(st, i);
    }
    return i;
  }

  private static int iban(ScanState st, int i) {
    String s = st.s;
    int expected = IBAN_LENGTH[(s.charAt(i) - 'A') * 26 + s.charAt(i + 1) - 'A'];
    if (expected == 0) {
      return i;
    }
    char[] compact = new char[expected];
    int got = 0;
    int p = i;
    while (p < st.n && got < expected) {
      char c = s.charAt(p);
      if (isDigit(c) || isUpper(c)) {
        compact[got++] = c;
        p++;
      } else if ((c == ' ' || c == '-') && got % 4 == 0 && got > 0 && p + 1 < st.n
          && (isDigit(s.charAt(p + 1)) || isUpper(s.charAt(p + 1)))) {
        p++;
      } else {
        break;
      }
    }
    if (got != expected || st.alnumAt(p)) {
      return i;
    }
    if (!Checksums.ibanMod97(new String(compact))) {
      return p;
    }
    st.add(IBAN_CODE, i, p, 0.85, 0.95, Lexicon.IBAN, 2, "iban");
    return p;
  }

  private static boolean ninoPrefix(char a, char b) {
    if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) {
      return false;
    }
    String p = "" + a + b;
    return !(p.equals("BG") || p.equals("GB") || p.equals("NK") || p.equals("KN")
        || p.equals("TN") || p.equals("NT") || p.equals("ZZ"));
  }

  private static int nino(ScanState st, int i, int j) {
    String s = st.s;
    if (!ninoPrefix(s.charAt(i), s.charAt(i + 1))) {
      return i;
    }
    int end;
    if (j - i == 9) {
      for (int k = i + 2; k < i + 8; k++) {
        if (!isDigit(s.charAt(k))) {
          return i;
        }
      }
      if ("ABCD".indexOf(s.charAt(i + 8)) < 0) {
        return i;
      }
      end = j;
    } else {
      int p = j;
      for (int pair = 0; pair < 3; pair++) {
        if (st.at(p) != ' ' || !isDigit(st.at(p + 1)) || !isDigit(st.at(p + 2))) {
          return i;
        }
        p += 3;
      }
      if (st.at(p) != ' ' || "ABCD".indexOf(st.at(p + 1)) < 0 || st.alnumAt(p + 2)) {
        return i;
      }
      end = p + 2;
    }
    st.add(UK_NINO, i, end, 0.6, 0.9, Lexicon.NINO, 1, "uk-nino");
    return end;
  }

  private static final String OMOCODIA = "LMNPQRSTUV";
  private static final String MONTHS = "ABCDEHLMPRST";

  private static void fiscal(ScanState st, int i) {
    String s = st.s;
    char[] c = new char[16];
    for (int k = 0; k < 16; k++) {
      c[k] = s.charAt(i + k);
    }
    for (int k = 0; k < 6; k++) {
      if (!isUpper(c[k])) {
        return;
      }
    }
    int[] digitPos = {6, 7, 9, 10, 12, 13, 14};
    for (int k : digitPos) {
      if (!isDigit(c[k]) && OMOCODIA.indexOf(c[k]) < 0) {
        return;
      }
    }
    if (MONTHS.indexOf(c[8]) < 0 || !isUpper(c[11]) || !isUpper(c[15])) {
      return;
    }
    int day = digitValue(c[9]) * 10 + digitValue(c[10]);
    if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
      return;
    }
    if (Checksums.italianFiscal(s.subSequence(i, i + 16))) {
      st.add(IT_FISCAL_CODE, i, i + 16, 0.9, 0.95, Lexicon.FISCAL, 2, "it-fiscal-code");
    }
  }

  private static int digitValue(char c) {
    return isDigit(c) ? c - '0' : OMOCODIA.indexOf(c);
  }

  private static void nie(ScanState st, int i) {
    String s = st.s;
    long v = s.charAt(i) - 'X';
    for (int k = i + 1; k < i + 8; k++) {
      char c = s.charAt(k);
      if (!isDigit(c)) {
        return;
      }
      v = v * 10 + (c - '0');
    }
    if (isUpper(s.charAt(i + 8)) && Checksums.nifLetter(v, s.charAt(i + 8))) {
      st.add(ES_NIF, i, i + 9, 0.8, 0.95, Lexicon.NIF, 2, "es-nie");
    }
  }
}
