package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.AWS_SECRET_ACCESS_KEY;
import static io.rampart.dlp.EntityTypes.GENERIC_SECRET;
import static io.rampart.dlp.ScanState.isDigit;
import static io.rampart.dlp.ScanState.isLower;
import static io.rampart.dlp.ScanState.isUpper;


/**
 * Secrets named by nearby words: {@code password: ...}, {@code API_TOKEN="..."}, "reset the
 * password for admin to ...". The keyword fixes the meaning; the value must still look random.
 */
final class SecretValues {
  private SecretValues() {}

  /** Called after a SECRET keyword at {@code [ks, ke)}. */
  static int after(ScanState st, int ks, int ke, int bits) {
    String s = st.s;
    int p = ke;
    while (p < st.n && p - ke < 40 && identChar(s.charAt(p))) {
      p++;
    }
    int q = p;
    while (q < st.n && q - p < 3 && (s.charAt(q) == '"' || s.charAt(q) == '\'' || s.charAt(q) == ' ')) {
      q++;
    }
    boolean aws = (st.keywordsIn(Math.max(0, ks - 24), ks) & Lexicon.AWS) != 0
        || (bits & Lexicon.AWS) != 0 || containsIgnoreCase(s, ke, p, "access");
    char c = st.at(q);
    if (c == '=' || c == ':') {
      q++;
      if (st.at(q) == '=' || st.at(q) == '>') {
        q++;
      }
      while (q < st.n && q - p < 8 && s.charAt(q) == ' ') {
        q++;
      }
      return value(st, q, true, aws);
    }
    if (st.matches(ks, "Bearer ") || st.matches(ks, "bearer ")) {
      return value(st, ke + 1, true, false);
    }
    if ((bits & Lexicon.STRONG_SECRET) == 0 || p != ke) {
      return ke;
    }
    return prose(st, ke, p, aws);
  }

  /** "reset the password for admin to ...": skips up to four lower-case filler words. */
  private static int prose(ScanState st, int ke, int p, boolean aws) {
    String s = st.s;
    int t = p;
    for (int w = 0; w < 5 && t < st.n; w++) {
      while (t < st.n && s.charAt(t) == ' ') {
        t++;
      }
      int e = t;
      boolean lowerWord = true;
      while (e < st.n && !Character.isWhitespace(s.charAt(e))) {
        lowerWord &= isLower(s.charAt(e));
        e++;
      }
      if (e == t) {
        return ke;
      }
      if (!(lowerWord && e - t <= 12)) {
        return value(st, t, false, aws);
      }
      t = e;
    }
    return ke;
  }

  private static boolean stopChar(char c) {
    return switch (c) {
      case '"', '\'', '`', '<', '>', ',', ';', ')', ']', '}' -> true;
      default -> false;
    };
  }

  private static boolean identChar(char c) {
    return (c < 0x80 && ScanState.isAlnum(c)) || c == '_' || c == '-' || c == '.';
  }

  /** {@code lit} is lower-case ASCII; compared in place, without a lower-cased copy. */
  private static boolean containsIgnoreCase(String s, int from, int to, String lit) {
    for (int i = from; i + lit.length() <= to; i++) {
      if (s.regionMatches(true, i, lit, 0, lit.length())) {
        return true;
      }
    }
    return false;
  }

  private static int value(ScanState st, int from, boolean assignment, boolean aws) {
    String s = st.s;
    char open = st.at(from);
    int start = from;
    int end;
    if (open == '"' || open == '\'' || open == '`') {
      start = from + 1;
      end = start;
      while (end < st.n && end - start < 256 && s.charAt(end) != open && s.charAt(end) != '\n') {
        end++;
      }
      if (st.at(end) != open) {
        return from;
      }
    } else {
      end = start;
      while (end < st.n && end - start < 256 && !Character.isWhitespace(s.charAt(end))
          && !stopChar(s.charAt(end))) {
        end++;
      }
      while (end > start && ".:!?".indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    int len = end - start;
    if (len < (assignment ? 6 : 8) || Placeholders.isPlaceholder(s, start, end)
        || Placeholders.isHashOrUuid(s, start, end)) {
      return from;
    }
    int classes = classes(s, start, end);
    String v = s.substring(start, end);
    if (v.startsWith("${") || isVariable(v) || v.startsWith("http") || v.contains("(")
        || v.startsWith("process.env") || v.startsWith("os.environ") || v.contains("@")) {
      return from;
    }
    if (aws && len == 40 && SecretTokens.mixed(s, start, end) && base64(v)) {
      st.add(AWS_SECRET_ACCESS_KEY, start, end, 0.9, 0.95, Lexicon.AWS, 2, "aws-secret-key");
      return end;
    }
    boolean hasDigitOrSymbol = classes > 1 && (has(v, true) || symbols(v));
    boolean ok = assignment ? hasDigitOrSymbol && (classes >= 3 || len >= 8) : classes >= 3;
    if (ok) {
      st.add(GENERIC_SECRET, start, end, assignment ? 0.8 : 0.6, 0.85, 0, 0, "keyword-secret");
      return end;
    }
    return from;
  }

  /** {@code $NAME} or {@code %NAME%}: a reference to a secret, not the secret. */
  static boolean isVariable(String v) {
    if (v.length() < 2 || (v.charAt(0) != '$' && v.charAt(0) != '%')) {
      return false;
    }
    int last = v.charAt(0) == '%' ? v.length() - 1 : v.length();
    if (v.charAt(0) == '%' && v.charAt(last) != '%') {
      return false;
    }
    for (int i = 1; i < last; i++) {
      char c = v.charAt(i);
      if (!(ScanState.isAlnum(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean base64(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (!SecretTokens.b64(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean has(String v, boolean digits) {
    for (int i = 0; i < v.length(); i++) {
      if (isDigit(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean symbols(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!ScanState.isAlnum(c)) {
        return true;
      }
    }
    return false;
  }

  static int classes(String s, int from, int to) {
    int u = 0;
    int l = 0;
    int d = 0;
    int o = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isUpper(c)) {
        u = 1;
      } else if (isLower(c)) {
        l = 1;
      } else if (isDigit(c)) {
        d = 1;
      } else {
        o = 1;
      }
    }
    return u + l + d + o;
  }
}
