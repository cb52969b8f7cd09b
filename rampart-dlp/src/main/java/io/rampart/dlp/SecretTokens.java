package io.rampart.dlp;

import static io.rampart.dlp.EntityTypes.*;
import static io.rampart.dlp.ScanState.isAlnum;
import static io.rampart.dlp.ScanState.isDigit;
import static io.rampart.dlp.ScanState.isLower;
import static io.rampart.dlp.ScanState.isUpper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Secrets recognized by a fixed prefix or frame: cloud keys, API tokens, JWTs, PEM blocks,
 * passwords in URLs. Each method is called at a candidate position and returns the index where
 * scanning resumes (the end of what it consumed, or {@code from} when nothing matched).
 */
final class SecretTokens {
  private SecretTokens() {}

  static final int P_SECRET = 3;

  static boolean b64url(char c) {
    return isAlnum(c) && c < 0x80 || c == '-' || c == '_';
  }

  static boolean b64(char c) {
    return (c < 0x80 && isAlnum(c)) || c == '+' || c == '/';
  }

  static int runB64Url(ScanState st, int from) {
    int j = from;
    while (j < st.n && b64url(st.s.charAt(j))) {
      j++;
    }
    return j;
  }

  static int runAlnum(ScanState st, int from) {
    int j = from;
    while (j < st.n && st.s.charAt(j) < 0x80 && isAlnum(st.s.charAt(j))) {
      j++;
    }
    return j;
  }

  /** Dispatch for a word starting at {@code i} and ending at {@code j}. */
  static int word(ScanState st, int i, int j) {
    String s = st.s;
    char f = s.charAt(i);
    int len = j - i;
    switch (f) {
      case 'e' -> {
        if (len >= 3 && s.charAt(i + 1) == 'y' && s.charAt(i + 2) == 'J') {
          return jwt(st, i);
        }
      }
      case 's' -> {
        if (len == 2 && s.charAt(i + 1) == 'k') {
          char d = st.at(j);
          if (d == '-') {
            return openAi(st, i);
          }
          if (d == '_') {
            return stripe(st, i);
          }
        } else if (len == 3 && st.matches(i, "sig=")) {
          return sas(st, i);
        }
      }
      case 'r' -> {
        if (len == 2 && s.charAt(i + 1) == 'k' && st.at(j) == '_') {
          return stripe(st, i);
        }
      }
      case 'g' -> {
        if (len == 3 && s.charAt(i + 1) == 'h' && st.at(j) == '_') {
          return github(st, i);
        }
        if (len == 6 && st.matches(i, "github_pat_")) {
          return githubPat(st, i);
        }
      }
      case 'x' -> {
        if (len == 4 && st.at(j) == '-' && (st.matches(i, "xox") || st.matches(i, "xapp"))) {
          return slack(st, i);
        }
      }
      case 'A' -> {
        if (len >= 4 && s.charAt(i + 1) == 'I' && s.charAt(i + 2) == 'z' && s.charAt(i + 3) == 'a') {
          return google(st, i);
        }
        if (len == 10 && st.matches(i, "AccountKey=")) {
          return azureKey(st, j + 1);
        }
      }
      default -> {}
    }
    if (len == 20 && isUpper(f)) {
      awsKeyId(st, i, j);
    }
    return i;
  }

  private static int jwt(ScanState st, int i) {
    int a = runB64Url(st, i);
    if (a - i < 10 || st.at(a) != '.') {
      return i;
    }
    int b = runB64Url(st, a + 1);
    if (b - a - 1 < 2 || st.at(b) != '.') {
      return i;
    }
    int c = runB64Url(st, b + 1);
    String header = decode(st.s.substring(i, a));
    if (header == null || !header.contains("alg")) {
      return i;
    }
    st.add(JWT, i, c, 0.95, 0.95, 0, P_SECRET, "jwt");
    return c;
  }

  private static String decode(String part) {
    try {
      return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int openAi(ScanState st, int i) {
    int end = runB64Url(st, i + 3);
    int len = end - i - 3;
    String s = st.s;
    if (Placeholders.isPlaceholder(s, i + 3, end)) {
      return end;
    }
    if (st.matches(i + 3, "ant-")) {
      if (len >= 40) {
        st.add(ANTHROPIC_API_KEY, i, end, 0.95, 0.95, 0, P_SECRET, "anthropic-key");
      }
      return end;
    }
    if (len < 20) {
      return end;
    }
    if (s.substring(i, end).contains("T3BlbkFJ")) {
      st.add(OPENAI_API_KEY, i, end, 0.95, 0.95, 0, P_SECRET, "openai-key");
    } else if ((st.matches(i + 3, "proj-") || st.matches(i + 3, "svcacct-")
        || st.matches(i + 3, "admin-")) && len >= 40) {
      st.add(OPENAI_API_KEY, i, end, 0.9, 0.9, 0, P_SECRET, "openai-key");
    } else if (len >= 32 && mixed(s, i + 3, end)) {
      st.add(OPENAI_API_KEY, i, end, 0.5, 0.85, Lexicon.OPENAI | Lexicon.SECRET, P_SECRET,
          "openai-key");
    }
    return end;
  }

  /** Upper, lower and digit all present: random tokens have them, words and masks do not. */
  static boolean mixed(CharSequence s, int from, int to) {
    boolean u = false;
    boolean l = false;
    boolean d = false;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      u |= isUpper(c);
      l |= isLower(c);
      d |= isDigit(c);
    }
    return u && l && d;
  }

  private static int stripe(ScanState st, int i) {
    boolean live = st.matches(i + 2, "_live_");
    if (!live && !st.matches(i + 2, "_test_")) {
      return i;
    }
    int end = runAlnum(st, i + 8);
    if (end - i - 8 >= 16 && !Placeholders.isPlaceholder(st.s, i + 8, end)) {
      st.add(STRIPE_SECRET_KEY, i, end, live ? 0.95 : 0.8, 0.95, 0, P_SECRET, "stripe-key");
    }
    return end;
  }

  private static int github(ScanState st, int i) {
    char t = st.s.charAt(i + 2);
    if ("pousr".indexOf(t) < 0) {
      return i;
    }
    int end = runAlnum(st, i + 4);
    if (end - i - 4 == 36 && st.at(end) != '_' && st.at(end) != '-'
        && Checksums.githubCrc(st.s.subSequence(i + 4, i + 34), st.s.subSequence(i + 34, end))) {
      st.add(GITHUB_TOKEN, i, end, 0.99, 0.99, 0, P_SECRET, "github-token");
    }
    return end;
  }

  private static int githubPat(ScanState st, int i) {
    int end = i + 11;
    while (end < st.n && (isAlnum(st.s.charAt(end)) && st.s.charAt(end) < 0x80
        || st.s.charAt(end) == '_')) {
      end++;
    }
    if (end - i - 11 >= 50 && !Placeholders.isPlaceholder(st.s, i + 11, end)) {
      st.add(GITHUB_TOKEN, i, end, 0.9, 0.9, 0, P_SECRET, "github-pat");
    }
    return end;
  }

  private static int slack(ScanState st, int i) {
    int end = runB64Url(st, i + 5);
    int dashes = 0;
    for (int k = i + 5; k < end; k++) {
      if (st.s.charAt(k) == '-') {
        dashes++;
      }
    }
    if (end - i >= 24 && dashes >= 2 && !Placeholders.isPlaceholder(st.s, i + 5, end)) {
      st.add(SLACK_TOKEN, i, end, 0.95, 0.95, 0, P_SECRET, "slack-token");
    }
    return end;
  }

  private static int google(ScanState st, int i) {
    int end = runB64Url(st, i + 4);
    if (end - i == 39 && !Placeholders.isPlaceholder(st.s, i + 4, end)) {
      st.add(GOOGLE_API_KEY, i, end, 0.9, 0.9, 0, P_SECRET, "google-api-key");
    }
    return end;
  }

  private static final String[] AWS_PREFIXES = {
    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"
  };

  private static void awsKeyId(ScanState st, int i, int j) {
    boolean prefix = false;
    for (String p : AWS_PREFIXES) {
      prefix |= st.matches(i, p);
    }
    if (!prefix) {
      return;
    }
    for (int k = i + 4; k < j; k++) {
      char c = st.s.charAt(k);
      if (!isUpper(c) && !isDigit(c)) {
        return;
      }
    }
    if (!Placeholders.isPlaceholder(st.s, i, j)) {
      st.add(AWS_ACCESS_KEY_ID, i, j, 0.9, 0.95, Lexicon.AWS, P_SECRET, "aws-key-id");
    }
  }

  private static int azureKey(ScanState st, int from) {
    int end = from;
    while (end < st.n && b64(st.s.charAt(end))) {
      end++;
    }
    while (end < st.n && st.s.charAt(end) == '=' && end - from < 90) {
      end++;
    }
    if (end - from >= 80 && !Placeholders.isPlaceholder(st.s, from, end)) {
      st.add(AZURE_STORAGE_KEY, from, end, 0.95, 0.95, 0, 2, "azure-storage-key");
    }
    return end;
  }

  private static int sas(ScanState st, int i) {
    int from = i + 4;
    int end = from;
    while (end < st.n && (b64(st.s.charAt(end)) || st.s.charAt(end) == '%'
        || st.s.charAt(end) == '=')) {
      end++;
    }
    int look = Math.max(0, i - 600);
    String before = st.s.substring(look, i);
    boolean azure = before.contains("sv=") || before.contains("windows.net");
    if (azure && end - from >= 20 && !Placeholders.isPlaceholder(st.s, from, end)) {
      st.add(AZURE_SAS_TOKEN, from, end, 0.9, 0.9, 0, 2, "azure-sas");
    }
    return end;
  }
}
