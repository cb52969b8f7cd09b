package io.rampart.guard;

import java.util.List;
import java.util.Set;

/**
 * Structural features of one input, computed from its folded tokens in one pass. They feed the
 * classifier head next to the embedding and decide whether the fast tier may allow alone.
 */
record Features(double[] values, int secondPerson, int aiWords, int dialogueTurns, int maxRun,
    double windowRepetition, double repeatedNgrams, double suffixSymbols, int tokens,
    int sensitive, int quotes, boolean periodicWord, int addressed, int openingCues) {

  /** Words at the start of a text in which {@link #openingCues()} are counted. */
  static final int OPENING_WORDS = 48;

  // "Could you", "thank you", "if you": a request or courtesy, not the assistant being told who
  // it is or what it must do ("you are", "you will", "your task").
  private static final Set<String> POLITE =
      Set.of("can", "could", "would", "will", "do", "did", "thank", "thanks", "if", "may", "might",
          "should", "to");

  static final List<String> NAMES =
      List.of(
          "fast-score", "w-override", "w-jailbreak", "w-extraction", "w-indirect",
          "w-obfuscation", "hits", "log-length", "second-person", "modal", "symbols",
          "repetition", "max-run", "upper", "invisible", "tags", "homoglyphs", "leet", "decoded",
          "lines", "quotes", "dialogue", "gibberish", "question", "digits", "ai-words");

  private static final Set<String> YOU = Set.of("you", "your", "yours", "yourself", "u", "ur");
  private static final Set<String> MODAL =
      Set.of("must", "always", "never", "shall", "will", "should", "cannot", "only", "now");
  private static final Set<String> AI =
      Set.of("ai", "assistant", "chatgpt", "gpt", "llm", "bot", "chatbot", "model", "openai",
          "language", "prompt", "instructions", "rules", "character", "mode");
  private static final Set<String> SENSITIVE =
      Set.of("password", "passwords", "passcode", "passphrase", "secret", "secrets", "credentials",
          "pin", "token", "key", "keys", "confidential");
  // One lookup per word instead of one per set: the word loop runs over every token.
  private static final int IS_YOU = 1;
  private static final int IS_MODAL = 2;
  private static final int IS_AI = 4;
  private static final int IS_SENSITIVE = 8;
  private static final WordTable CLASSES = WordTable.of(classes());
  private static final WordTable POLITE_WORDS = WordTable.set(POLITE);

  private static java.util.Map<String, Integer> classes() {
    java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
    YOU.forEach(w -> m.merge(w, IS_YOU, (a, b) -> a | b));
    MODAL.forEach(w -> m.merge(w, IS_MODAL, (a, b) -> a | b));
    AI.forEach(w -> m.merge(w, IS_AI, (a, b) -> a | b));
    SENSITIVE.forEach(w -> m.merge(w, IS_SENSITIVE, (a, b) -> a | b));
    return java.util.Map.copyOf(m);
  }

  private static final Set<String> ROLES =
      Set.of("user", "assistant", "human", "ai", "q", "a", "system", "bot", "question", "answer");

  /** Sets the invisible, tag and homoglyph features from {@code folded}. */
  static void obfuscation(double[] v, Folded folded) {
    v[14] = Math.log1p(folded.invisibleInWords()) / 3;
    v[15] = folded.tagChars() > 0 ? 1 : 0;
    v[16] = Math.log1p(folded.homoglyphWords()) / 2;
  }

  static int size() {
    return NAMES.size();
  }

  static Features of(String original, Folded folded, Tokens t) {
    int n = Math.min(t.size, 8_000);
    int you = 0;
    int modal = 0;
    int ai = 0;
    int noVowel = 0;
    int sensitive = 0;
    int addressed = 0;
    int opening = 0;
    boolean periodic = false;
    int maxRun = 1;
    int run = 1;
    for (int i = 0; i < n; i++) {
      int len = t.length(i);
      int cls = len <= 12 ? CLASSES.get(t, i) : -1;
      if (cls >= 0) {
        int k = cls;
        you += k & IS_YOU;
        modal += (k & IS_MODAL) >> 1;
        ai += (k & IS_AI) >> 2;
        sensitive += (k & IS_SENSITIVE) >> 3;
        int told = (k & IS_YOU) != 0 && !(i > 0 && POLITE_WORDS.contains(t, i - 1)) ? 1 : 0;
        addressed += told;
        opening += i < OPENING_WORDS ? told + ((k & IS_AI) >> 2) : 0;
      }
      if (!periodic && len >= 40) {
        periodic = periodic(t.word(i));
      }
      if (len >= 5 && !hasVowel(t, i)) {
        noVowel++;
      }
      if (i > 0 && t.same(i, i - 1)) {
        maxRun = Math.max(maxRun, ++run);
      } else {
        run = 1;
      }
    }
    String text = folded.text();
    int scanLen = Math.min(text.length(), 64_000);
    int symbols = 0;
    int nonSpace = 0;
    int quotes = 0;
    int digits = 0;
    int lines = 1;
    int turns = 0;
    boolean lineStart = true;
    for (int i = 0; i < scanLen; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines++;
        lineStart = true;
        continue;
      }
      if (lineStart && !Character.isWhitespace(c)) {
        lineStart = false;
        turns += roleLabelAt(text, i) ? 1 : 0;
      }
      if (!Character.isWhitespace(c)) {
        nonSpace++;
        if (!Character.isLetterOrDigit(c)) {
          symbols++;
        }
        if (Character.isDigit(c)) {
          digits++;
        }
        if (c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u201d') {
          quotes++;
        }
      }
    }
    int upper = 0;
    int letters = 0;
    for (int i = 0, m = Math.min(original.length(), 64_000); i < m; i++) {
      char c = original.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    double suffixSymbols = suffixSymbolRatio(text);
    double repetition = n == 0 ? 0 : 1.0 - (double) distinct(t, n) / n;
    double[] v = new double[NAMES.size()];
    double tn = Math.max(1, n);
    v[7] = Math.log1p(original.length()) / 10;
    v[8] = you / tn * 10;
    v[9] = modal / tn * 10;
    v[10] = nonSpace == 0 ? 0 : (double) symbols / nonSpace;
    // The head was trained on the whole-text share; only the flood signal needs measures that
    // do not grow with length (Repetition).
    v[11] = n < 20 ? 0 : repetition;
    v[12] = Math.log1p(maxRun - 1) / 4;
    v[13] = letters == 0 ? 0 : (double) upper / letters;
    obfuscation(v, folded);
    v[19] = Math.log1p(lines) / 5;
    v[20] = nonSpace == 0 ? 0 : Math.min(1, quotes * 20.0 / nonSpace);
    v[21] = Math.log1p(turns) / 3;
    v[22] = noVowel / tn * 5;
    v[23] = endsWithQuestionMark(text) ? 1 : 0;
    v[24] = nonSpace == 0 ? 0 : (double) digits / nonSpace;
    v[25] = ai / tn * 10;
    return new Features(
        v, you, ai, turns, maxRun, n < 20 ? 0 : Repetition.windowed(t.hash, n),
        Repetition.repeatedNgrams(t.hash, n), suffixSymbols, n, sensitive, quotes, periodic,
        addressed, opening);
  }

  // Exact count of distinct words: an open-addressing table of word numbers + 1 (a HashSet
  // allocated a node per distinct word of every prompt).
  static int distinct(Tokens t, int n) {
    Scratch scratch = Scratch.take();
    try {
      int size = Repetition.tableSize(n);
      return distinct(t, n, scratch.ints(size), size - 1);
    } finally {
      Scratch.give(scratch);
    }
  }

  private static int distinct(Tokens t, int n, int[] table, int mask) {
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      int x = t.hash[i] * 0x9E3779B9;
      int slot = (x ^ (x >>> 16)) & mask;
      while (table[slot] != 0 && !t.same(table[slot] - 1, i)) {
        slot = (slot + 1) & mask;
      }
      if (table[slot] == 0) {
        table[slot] = i + 1;
        distinct++;
      }
    }
    return distinct;
  }

  // text.stripTrailing().endsWith("?") without the copy: no supplementary char is whitespace.
  static boolean endsWithQuestionMark(String text) {
    int i = text.length() - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && text.charAt(i) == '?';
  }

  private static boolean hasVowel(Tokens t, int w) {
    for (int i = 0, len = t.length(w); i < len; i++) {
      switch (t.charAt(w, i)) {
        case 'a', 'e', 'i', 'o', 'u', 'y' -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  // A word made of one short chunk repeated (abcabcabc...) is padding, not language.
  private static boolean periodic(String w) {
    for (int p = 2; p <= 20; p++) {
      int same = 0;
      for (int i = 0; i + p < w.length(); i++) {
        same += w.charAt(i) == w.charAt(i + p) ? 1 : 0;
      }
      if (same >= (w.length() - p) * 0.95) {
        return true;
      }
    }
    return false;
  }

  private static boolean roleLabelAt(String text, int i) {
    int j = i;
    while (j < text.length() && j - i < 12 && Character.isLetter(text.charAt(j))) {
      j++;
    }
    return j > i
        && j < text.length()
        && text.charAt(j) == ':'
        && ROLES.contains(text.substring(i, j));
  }

  // Optimised adversarial suffixes end prompts with dense punctuation and broken words. JSON and
  // source code end with dense punctuation too, but are as dense before their end: a suffix counts
  // only where the text before it is short, much less dense, or symbol padding (over 0.7).
  private static double suffixSymbolRatio(String text) {
    int from = Math.max(0, text.length() - 160);
    double suffix = symbolShare(text, from, text.length(), 40);
    if (suffix == 0) {
      return 0;
    }
    double body = symbolShare(text, Math.max(0, from - 64_000), from, 80);
    return body == 0 || body > 0.7 || suffix > body + 0.15 ? suffix : 0;
  }

  // Share of symbols among non-space chars in [from, to); 0 with fewer than minChars of them.
  private static double symbolShare(String text, int from, int to, int minChars) {
    int sym = 0;
    int all = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        all++;
        if (!Character.isLetterOrDigit(c)) {
          sym++;
        }
      }
    }
    return all < minChars ? 0 : (double) sym / all;
  }
}
