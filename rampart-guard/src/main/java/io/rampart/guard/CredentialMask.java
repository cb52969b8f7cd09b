package io.rampart.guard;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Replaces credential assignments ({@code aws_secret_access_key=...}, {@code DB_PASSWORD: ...})
 * and well-known key formats with a neutral word. A secret pasted into a prompt is data-loss
 * prevention's business (rampart-dlp), not an attack; without this the structural features and
 * the classifier confuse configuration snippets with password-extraction games. Only the
 * features and the model input are masked: signatures still see the original text, so an
 * instruction hidden in a value is not hidden from them. Linear in the input; matching ignores
 * case.
 */
final class CredentialMask {

  private static final String[] NAME_WORDS = {
    "secret", "key", "token", "password", "passwd", "pwd", "credential", "auth"
  };
  // Shapes of common key formats: AWS access key IDs, GitHub, Slack, OpenAI-style, JWTs.
  static final Pattern KEY_SHAPES =
      Pattern.compile(
          "\\b(?:akia[0-9a-z]{16}|gh[pousr]_[0-9a-z]{30,}|xox[abpr]-[0-9a-z\\-]{10,}"
              + "|sk-[0-9a-z_\\-]{20,}|eyj[0-9a-z_\\-]{10,}\\.[0-9a-z_\\-]{10,}\\.[0-9a-z_\\-]{10,})",
          Pattern.CASE_INSENSITIVE);
  private static final String NEUTRAL = "setting";
  private static final int MAX_NAME = 80;
  private static final int MAX_VALUE = 256;

  private CredentialMask() {}

  /** The text with credentials replaced; the same instance when there are none. */
  static String apply(String text) {
    return apply(text, text.toLowerCase(Locale.ROOT));
  }

  /**
   * As {@link #apply(String)}, given {@code text} with its ASCII letters lower-cased and every
   * run of ASCII chars kept together ({@link Folded#text()} or {@code toLowerCase}), which the
   * key-shape prefilter searches.
   */
  static String apply(String text, String lower) {
    String masked = assignments(text);
    // The key-shape regex tries five alternatives at every word boundary, the largest cost of
    // the fast tier on ordinary prompts; it runs only where one of its literal openings occurs.
    // Masking only replaces a span by "setting", in which no opening can start after a word
    // boundary, so an opening in the masked text is one in the text.
    return mayHoldKeyShape(lower) ? KEY_SHAPES.matcher(masked).replaceAll(NEUTRAL) : masked;
  }

  /**
   * Whether {@code lower} (lower-cased ASCII, see {@link #apply(String, String)}) contains an
   * opening that every {@link #KEY_SHAPES} match starts with: {@code akia}, {@code gh?_},
   * {@code xox?-}, {@code sk-}, {@code eyj} (the regex folds ASCII case only). False means the
   * regex cannot match; true means it may.
   */
  static boolean mayHoldKeyShape(String lower) {
    if (lower.contains("sk-") || lower.contains("eyj") || lower.contains("akia")) {
      return true;
    }
    for (int i = lower.indexOf("xox"); i >= 0; i = lower.indexOf("xox", i + 1)) {
      if (i + 4 < lower.length() && "abpr".indexOf(lower.charAt(i + 3)) >= 0 && lower.charAt(i + 4) == '-') {
        return true;
      }
    }
    for (int i = lower.indexOf("gh"); i >= 0; i = lower.indexOf("gh", i + 1)) {
      if (i + 3 < lower.length() && "pousr".indexOf(lower.charAt(i + 2)) >= 0 && lower.charAt(i + 3) == '_') {
        return true;
      }
    }
    return false;
  }

  // One pass: at each '=' or ':' look back for a credential-like name and forward for a value.
  private static String assignments(String text) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '=' && c != ':') {
        continue;
      }
      int nameEnd = i;
      while (nameEnd > copied && i - nameEnd < 3 && text.charAt(nameEnd - 1) == ' ') {
        nameEnd--;
      }
      int nameStart = nameEnd;
      while (nameStart > copied && nameEnd - nameStart < MAX_NAME && ident(text.charAt(nameStart - 1))) {
        nameStart--;
      }
      if (nameStart == nameEnd) {
        continue;
      }
      String name = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      if (!credentialName(name)
          || (c == ':' && !lineStart(text, nameStart) && name.chars().noneMatch(CredentialMask::sep))) {
        continue;
      }
      int valueEnd = valueEnd(text, i + 1);
      if (valueEnd < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, nameStart).append(NEUTRAL);
      copied = valueEnd;
      i = valueEnd - 1;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  // A value has no whitespace (so a quoted sentence is never swallowed); -1 when there is none.
  private static int valueEnd(String text, int from) {
    int k = from;
    while (k < text.length() && k - from < 3 && text.charAt(k) == ' ') {
      k++;
    }
    if (k >= text.length()) {
      return -1;
    }
    char q = text.charAt(k);
    if (q == '"' || q == '\'') {
      for (int j = k + 1; j < text.length() && j - k <= MAX_VALUE; j++) {
        char x = text.charAt(j);
        if (x == q) {
          return j > k + 1 ? j + 1 : -1;
        }
        if (Character.isWhitespace(x)) {
          return -1;
        }
      }
      return -1;
    }
    int j = k;
    while (j < text.length() && j - k < MAX_VALUE && value(text.charAt(j))) {
      j++;
    }
    return j > k ? j : -1;
  }

  private static boolean credentialName(String name) {
    for (String w : NAME_WORDS) {
      if (name.contains(w)) {
        return true;
      }
    }
    return false;
  }

  // YAML / .env style: the name opens its line (after indentation).
  private static boolean lineStart(String text, int at) {
    int j = at;
    while (j > 0 && at - j < 16 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t')) {
      j--;
    }
    return j == 0 || text.charAt(j - 1) == '\n';
  }

  private static boolean ident(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || sep(c);
  }

  private static boolean sep(int c) {
    return c == '_' || c == '.' || c == '-';
  }

  private static boolean value(char c) {
    return !Character.isWhitespace(c) && c != '"' && c != '\'' && c != ',' && c != ';';
  }
}
