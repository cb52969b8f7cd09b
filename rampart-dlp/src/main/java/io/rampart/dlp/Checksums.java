package io.rampart.dlp;

import java.util.zip.CRC32;

/** Check-digit algorithms used by the validators; inputs are already stripped of separators. */
final class Checksums {
  private Checksums() {}

  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** ISO 7064 mod 97-10 as used by IBAN: country and check digits move to the end. */
  static boolean ibanMod97(CharSequence iban) {
    int n = iban.length();
    if (n < 5) {
      return false;
    }
    int rem = 0;
    for (int k = 0; k < n; k++) {
      char c = iban.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        rem = (rem * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        rem = (rem * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return rem == 1;
  }

  private static final int[][] VD = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] VP = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  static boolean verhoeff(CharSequence digits) {
    int c = 0;
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      int d = digits.charAt(n - 1 - i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      c = VD[c][VP[i % 8][d]];
    }
    return c == 0;
  }

  /** Brazilian CPF: two mod-11 check digits; all-equal digits are invalid by rule. */
  static boolean cpf(CharSequence d) {
    if (d.length() != 11 || allSame(d)) {
      return false;
    }
    for (int check = 9; check <= 10; check++) {
      int sum = 0;
      for (int i = 0; i < check; i++) {
        sum += (d.charAt(i) - '0') * (check + 1 - i);
      }
      int v = (sum * 10) % 11 % 10;
      if (v != d.charAt(check) - '0') {
        return false;
      }
    }
    return true;
  }

  private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** Spanish DNI/NIE control letter over an 8-digit number. */
  static boolean nifLetter(long number, char letter) {
    return NIF_LETTERS.charAt((int) (number % 23)) == letter;
  }

  private static final int[] FISCAL_ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /** Italian codice fiscale check character (position 16). */
  static boolean italianFiscal(CharSequence code) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int v = c <= '9' ? c - '0' : c - 'A';
      sum += (i % 2 == 0) ? FISCAL_ODD[v] : v;
    }
    return code.charAt(15) == (char) ('A' + sum % 26);
  }

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** GitHub token: the last 6 characters are the base62 CRC32 of the 30 random ones. */
  static boolean githubCrc(CharSequence random30, CharSequence check6) {
    CRC32 crc = new CRC32();
    for (int i = 0; i < random30.length(); i++) {
      crc.update(random30.charAt(i));
    }
    long v = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    for (int i = 0; i < 6; i++) {
      if (out[i] != check6.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static boolean allSame(CharSequence s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }
}
