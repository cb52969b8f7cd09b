package io.rampart.guard;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds encoded runs (Base64, hex, percent-encoding, ROT13) and decodes those that turn into
 * readable text. Work is bounded: at most {@link #MAX_RUNS} runs, {@link #MAX_RUN_CHARS} per
 * run and {@link #MAX_TOTAL_CHARS} decoded characters per call; nesting is bounded by the caller.
 */
final class Decoder {

  /** A decoded payload and the range of the original text it came from. */
  record Decoded(String encoding, int start, int end, String text) {}

  static final int MAX_RUNS = 24;
  static final int MAX_RUN_CHARS = 16_384;
  static final int MAX_TOTAL_CHARS = 65_536;

  private static final Pattern PERCENT = Pattern.compile("(?:%[0-9A-Fa-f]{2}[^%\\s]{0,3}){4,}");
  private static final Set<String> COMMON =
      Set.of(
          "the", "you", "and", "your", "all", "to", "of", "is", "are", "a", "an", "ignore",
          "instructions", "previous", "now", "me", "tell", "what", "this", "that", "with", "for",
          "system", "prompt", "password", "say", "not", "do", "be", "it", "in", "on", "rules");
  // One lookup per word for rot13: bit 1 = a common word, bit 2 = a common word rotated.
  private static final WordTable COMMON_OR_ROTATED = WordTable.of(commonOrRotated());

  private static java.util.Map<String, Integer> commonOrRotated() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    COMMON.forEach(w -> m.merge(w, 1, (a, b) -> a | b));
    COMMON.forEach(w -> m.merge(rot(w), 2, (a, b) -> a | b));
    return java.util.Map.copyOf(m);
  }

  private Decoder() {}

  static List<Decoded> decode(String original, Tokens folded) {
    List<Decoded> out = new ArrayList<>();
    int[] budget = {MAX_TOTAL_CHARS};
    // Maximal runs of each alphabet are found in one linear pass each; backtracking regexes
    // over these alphabets cost milliseconds on long English text.
    if (folded.longest >= 16) {
      runs(original, Decoder::isBase64, 16, "base64", out, budget);
    }
    if (folded.longest >= 24 || hexPairs(folded) >= 12) {
      runs(original, c -> Character.digit(c, 16) >= 0 || c == ' ' || c == ':', 24, "hex", out, budget);
    }
    if (original.indexOf("0000") >= 0 || original.indexOf("01") >= 0 && folded.longest >= 32) {
      runs(original, c -> c == '0' || c == '1' || c == ' ' || c == ',', 32, "binary", out, budget);
    }
    if (original.indexOf('%') >= 0) {
      scan(PERCENT, original, "url", out, budget);
    }
    splitLetters(original, out, budget);
    rot13(original, folded, out, budget);
    return out;
  }

  private static boolean isBase64(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/' || c == '_' || c == '-' || c == '=';
  }

  private static void runs(String s, java.util.function.IntPredicate alphabet, int minLen,
      String encoding, List<Decoded> out, int[] budget) {
    int i = 0;
    int n = s.length();
    while (i < n && out.size() < MAX_RUNS && budget[0] > 0) {
      if (!alphabet.test(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && alphabet.test(s.charAt(i))) {
        i++;
      }
      // Stripping only shortens a run: a short one is dropped before it is copied (every word of
      // a text matches the base64 alphabet).
      if (i - start < minLen) {
        continue;
      }
      String run = s.substring(start, i).strip();
      if (run.length() < minLen) {
        continue;
      }
      if (run.length() > MAX_RUN_CHARS) {
        run = run.substring(0, MAX_RUN_CHARS);
      }
      String text = decodeRun(encoding, run);
      if (text != null && readable(text)) {
        budget[0] -= text.length();
        int at = s.indexOf(run, start);
        out.add(new Decoded(encoding, at, at + run.length(), text));
      }
    }
  }

  private static String decodeRun(String encoding, String run) {
    return switch (encoding) {
      case "base64" -> base64(run);
      case "hex" -> hex(run);
      case "binary" -> binary(run);
      default -> percent(run);
    };
  }

  private static int hexPairs(Tokens t) {
    int n = 0;
    for (int i = 0; i < t.size && n < 12; i++) {
      if (t.length(i) == 2 && Character.digit(t.charAt(i, 0), 16) >= 0
          && Character.digit(t.charAt(i, 1), 16) >= 0) {
        n++;
      }
    }
    return n;
  }

  private static void scan(
      Pattern p, String s, String encoding, List<Decoded> out, int[] budget) {
    Matcher m = p.matcher(s);
    while (out.size() < MAX_RUNS && budget[0] > 0 && m.find()) {
      String run = m.group();
      if (run.length() > MAX_RUN_CHARS) {
        run = run.substring(0, MAX_RUN_CHARS);
      }
      String text = decodeRun(encoding, run);
      if (text != null && readable(text)) {
        budget[0] -= text.length();
        out.add(new Decoded(encoding, m.start(), m.end(), text));
      }
    }
  }

  private static String base64(String run) {
    // Plain words and identifiers also match the alphabet; real payloads mix case and digits.
    if (run.chars().allMatch(Character::isLetter) && !run.chars().anyMatch(Character::isUpperCase)) {
      return null;
    }
    String body = run.replace('-', '+').replace('_', '/').replace("=", "");
    if (body.length() % 4 == 1) {
      body = body.substring(0, body.length() - 1);
    }
    try {
      return utf8(Base64.getDecoder().decode(pad(body)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String pad(String b) {
    return b + "===".substring(0, (4 - b.length() % 4) % 4);
  }

  private static String hex(String run) {
    String digits = run.replace(" ", "").replace(":", "");
    if (digits.length() < 24) {
      return null;
    }
    if (digits.length() % 2 == 0) {
      return utf8(HexFormat.of().parseHex(digits));
    }
    // A run may start or end with a stray hex letter of a neighbouring word ("data: 6967...").
    String left = utf8(HexFormat.of().parseHex(digits.substring(1)));
    return left != null && readable(left) ? left : utf8(HexFormat.of().parseHex(digits.substring(0, digits.length() - 1)));
  }

  private static String binary(String run) {
    String bits = run.replace(" ", "").replace(",", "");
    if (bits.length() < 32) {
      return null;
    }
    byte[] out = new byte[bits.length() / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
    }
    return utf8(out);
  }

  private static String percent(String run) {
    try {
      return java.net.URLDecoder.decode(run.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Readable means mostly printable and containing at least two words. */
  static boolean readable(String text) {
    if (text.length() < 6) {
      return false;
    }
    int printable = 0;
    int spaces = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        spaces++;
      }
      if (!Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r') {
        printable++;
      }
    }
    return printable >= text.length() * 0.95 && (spaces >= 1 || text.length() >= 12);
  }

  // ROT13 has no alphabet of its own: decode words and keep the result when it reads as
  // English far better than the original does.
  private static void rot13(String original, Tokens t, List<Decoded> out, int[] budget) {
    if (t.size < 4 || budget[0] <= 0) {
      return;
    }
    int limit = Math.min(t.size, 4_000);
    int plain = 0;
    int rotated = 0;
    for (int i = 0; i < limit; i++) {
      int k = COMMON_OR_ROTATED.get(t, i);
      if (k >= 0) {
        plain += k & 1;
        // rot is its own inverse: rot(w) is common exactly when w is a rotated common word
        rotated += k >> 1;
      }
      if (rotated + (limit - i - 1) <= 2 * plain + 1) {
        return; // even if every word left were rotated, plain text would still win
      }
    }
    if (rotated >= 3 && rotated > 2 * plain + 1) {
      String sub = original.length() > MAX_RUN_CHARS ? original.substring(0, MAX_RUN_CHARS) : original;
      budget[0] -= sub.length();
      out.add(new Decoded("rot13", 0, sub.length(), rot(sub)));
    }
  }

  private static boolean isSep(char c) {
    return c == '-' || c == '.' || c == '_' || c == '*' || c == '/' || c == ' ';
  }

  // Letters spelled one by one with separators: s-a-y, s.y.s.t.e.m, p r o m p t. Linear scan;
  // a letter-separator-letter chain of at least four letters is joined back into words.
  private static void splitLetters(String original, List<Decoded> out, int[] budget) {
    int n = Math.min(original.length(), MAX_TOTAL_CHARS);
    if (budget[0] <= 0) {
      return;
    }
    StringBuilder joined = new StringBuilder();
    int letters = 0;
    int first = -1;
    int last = 0;
    int copied = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      int count = 0;
      while (j + 1 < n && Character.isLetter(original.charAt(j)) && isSep(original.charAt(j + 1))
          && j + 2 < n && Character.isLetter(original.charAt(j + 2))) {
        count++;
        j += 2;
      }
      // Boundaries are read only for a chain long enough to count (this loop visits every char).
      if (count >= 3
          && (i == 0 || !Character.isLetterOrDigit(original.charAt(i - 1)))
          && (j + 1 >= n || !Character.isLetterOrDigit(original.charAt(j + 1)))) {
        String run = original.substring(i, j + 1);
        char sep = run.charAt(1);
        joined.append(original, copied, i);
        // Single spaces separate letters; other separators leave the spaces between words.
        joined.append(sep == ' ' ? run.replace(" ", "") : run.replaceAll("[-._*/]", ""));
        copied = j + 1;
        letters += count + 1;
        first = first < 0 ? i : first;
        last = j + 1;
        i = j + 1;
      } else {
        i = Math.max(i + 1, j);
      }
    }
    if (letters >= 8) {
      joined.append(original, copied, original.length());
      budget[0] -= joined.length();
      out.add(new Decoded("split-letters", first, last, joined.toString()));
    }
  }

  static String rot(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char x = c[i];
      if (x >= 'a' && x <= 'z') {
        c[i] = (char) ('a' + (x - 'a' + 13) % 26);
      } else if (x >= 'A' && x <= 'Z') {
        c[i] = (char) ('A' + (x - 'A' + 13) % 26);
      }
    }
    return new String(c);
  }
}
