package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.*;
import static io.rampart.dlp.ScanState.isAlnum;
import static io.rampart.dlp.ScanState.isDigit;

/**
 * Values found from a framing character: e-mail addresses at '@', passwords in URLs at "://",
 * PEM private keys at "-----BEGIN", IPv6 addresses at a hex group followed by ':'.
 */
final class FrameTokens {
  private FrameTokens() {}

  static final int MAX_PEM = 16_384;

  private static boolean localChar(char c) {
    return (c < 0x80 && isAlnum(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean domainChar(char c) {
    return (c < 0x80 && isAlnum(c)) || c == '-';
  }

  static void email(ScanState st, int at) {
    String s = st.s;
    int k = at - 1;
    while (k >= 0 && at - k <= 64 && localChar(s.charAt(k))) {
      k--;
    }
    int ls = k + 1;
    while (ls < at && (s.charAt(ls) == '.' || s.charAt(ls) == '-')) {
      ls++;
    }
    if (ls >= at || s.charAt(at - 1) == '.') {
      return;
    }
    char before = st.at(ls - 1);
    if ((before == ':' || before == '/') && !st.matches(ls - 7, "mailto:")) {
      return;
    }
    // "scheme://user:pa*ss@host": the '@' ends URL credentials, not an address
    for (int b = ls - 1; b >= 2 && ls - b < 256 && !Character.isWhitespace(s.charAt(b)); b--) {
      if (s.charAt(b) == '/' && s.charAt(b - 1) == '/' && s.charAt(b - 2) == ':') {
        return;
      }
    }
    int p = at + 1;
    int lastDot = -1;
    int labelStart = p;
    while (p < st.n && p - at < 254) {
      char c = s.charAt(p);
      if (domainChar(c)) {
        p++;
      } else if (c == '.' && p > labelStart && p + 1 < st.n && domainChar(s.charAt(p + 1))) {
        lastDot = p;
        p++;
        labelStart = p;
      } else {
        break;
      }
    }
    if (lastDot < 0 || p - lastDot - 1 < 2) {
      return;
    }
    for (int t = lastDot + 1; t < p; t++) {
      if (!Character.isLetter(s.charAt(t))) {
        return;
      }
    }
    String tld = s.substring(lastDot + 1, p).toLowerCase(java.util.Locale.ROOT);
    if (tld.equals("png") || tld.equals("jpg") || tld.equals("gif") || tld.equals("svg")
        || tld.equals("webp") || tld.equals("jpeg")) {
      return;
    }
    st.add(EMAIL_ADDRESS, ls, p, 0.9, 0.95, 0, 3, "email");
  }

  /** At ':' of "scheme://user:password@host": the password is the finding. */
  static int urlCredentials(ScanState st, int colon) {
    String s = st.s;
    if (st.at(colon + 1) != '/' || st.at(colon + 2) != '/' || !st.alnumAt(colon - 1)) {
      return colon;
    }
    int p = colon + 3;
    int userEnd = -1;
    int limit = Math.min(st.n, p + 256);
    for (int k = p; k < limit; k++) {
      char c = s.charAt(k);
      if (c == ':' && userEnd < 0) {
        userEnd = k;
      } else if (c == '@' && userEnd > p) {
        int passStart = userEnd + 1;
        if (k > passStart && st.alnumAt(k + 1)
            && !Placeholders.isPlaceholder(s, passStart, k) && !weakWord(s, passStart, k)) {
          st.add(CREDENTIALS_IN_URL, passStart, k, 0.9, 0.95, 0, 3, "url-credentials");
        }
        return k;
      } else if (c <= ' ' || c == '/' || c == '"' || c == '\'' || c == '<' || c == '>'
          || (c == '@' && userEnd < 0)) {
        return colon;
      }
    }
    return colon;
  }

  private static boolean weakWord(String s, int from, int to) {
    String v = s.substring(from, to).toLowerCase(java.util.Locale.ROOT);
    return v.equals("password") || v.equals("pass") || v.equals("secret") || v.equals("pwd")
        || v.equals("passwd") || v.startsWith("${") || SecretValues.isVariable(v);
  }

  static int pem(ScanState st, int i) {
    String s = st.s;
    if (!st.matches(i, "-----BEGIN ")) {
      return i;
    }
    // searches are bounded: an unterminated header must not cost a scan of the rest of the text
    int labelEnd = indexWithin(s, "-----", i + 11, i + 85);
    if (labelEnd < 0) {
      return i;
    }
    String label = s.substring(i + 11, labelEnd);
    if (!label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) {
      return i;
    }
    int body = labelEnd + 5;
    int limit = Math.min(st.n, body + MAX_PEM);
    int end = -1;
    int b64 = 0;
    int k = body;
    while (k < limit) {
      char c = s.charAt(k);
      if (c == '-' && st.matches(k, "-----END ")) {
        int close = indexWithin(s, "-----", k + 9, k + 84);
        if (close > 0) {
          end = close + 5;
        }
        break;
      }
      if (SecretTokens.b64(c) || c == '=') {
        b64++;
      } else if (c != '\n' && c != '\r' && c != ' ' && c != ':' && c != '-' && c != ',') {
        break;
      }
      k++;
    }
    if (end < 0) {
      end = k;
      while (end > body && Character.isWhitespace(s.charAt(end - 1))) {
        end--;
      }
    }
    if (b64 >= 32) {
      st.add(PRIVATE_KEY, i, end, 0.95, 0.95, 0, 3, "pem-private-key");
      return end;
    }
    return i;
  }

  /** First index of {@code lit} in s that ends at or before {@code limit}, or -1. */
  static int indexWithin(String s, String lit, int from, int limit) {
    int end = Math.min(s.length(), limit);
    int k = s.indexOf(lit.charAt(0), from, end);
    while (k >= 0 && k + lit.length() <= end) {
      if (s.startsWith(lit, k)) {
        return k;
      }
      k = s.indexOf(lit.charAt(0), k + 1, end);
    }
    return -1;
  }

  private static final long[] HEX = ScanState.charBits("0123456789abcdefABCDEF");
  private static final long[] DIGIT = ScanState.charBits("0123456789");

  /** Parses an IPv6 address starting at {@code i}; returns the end consumed or {@code i}. */
  static int ipv6(ScanState st, int i) {
    int p = i;
    int groups = 0;
    boolean compressed = false;
    boolean longGroup = false;
    int digit = 0;
    int lastGroupEnd = i;
    while (p < st.n && groups < 9) {
      // up to five hex digits, straight-line (a short inner loop left C2 a loop predicate to
      // trap on): h[k] = 1 while the chars from p to p + k are all hex
      char c0 = st.at(p);
      char c1 = st.at(p + 1);
      char c2 = st.at(p + 2);
      char c3 = st.at(p + 3);
      char c4 = st.at(p + 4);
      int h0 = ScanState.bit(HEX, c0);
      int h1 = h0 & ScanState.bit(HEX, c1);
      int h2 = h1 & ScanState.bit(HEX, c2);
      int h3 = h2 & ScanState.bit(HEX, c3);
      int h4 = h3 & ScanState.bit(HEX, c4);
      int gl = h0 + h1 + h2 + h3 + h4;
      if (gl > 4) {
        return i;
      }
      digit |= h0 & ScanState.bit(DIGIT, c0) | h1 & ScanState.bit(DIGIT, c1)
          | h2 & ScanState.bit(DIGIT, c2) | h3 & ScanState.bit(DIGIT, c3);
      p += gl;
      if (gl > 0) {
        groups++;
        longGroup |= gl >= 3;
        lastGroupEnd = p;
      }
      if (st.at(p) == ':' && st.at(p + 1) == ':') {
        if (compressed) {
          return i;
        }
        compressed = true;
        p += 2;
        lastGroupEnd = p;
      } else if (st.at(p) == ':' && ScanState.bit(HEX, st.at(p + 1)) == 1) {
        p++;
      } else {
        break;
      }
    }
    int end = lastGroupEnd;
    if (st.alnumAt(end) || st.at(end) == '.' && isDigit(st.at(end + 1))) {
      return i;
    }
    boolean ok = compressed ? groups >= 2 && groups <= 7 && longGroup : groups == 8;
    if (ok && digit != 0) {
      st.add(IP_ADDRESS, i, end, 0.7, 0.9, Lexicon.IP, 1, "ipv6");
      return end;
    }
    return i;
  }
}
