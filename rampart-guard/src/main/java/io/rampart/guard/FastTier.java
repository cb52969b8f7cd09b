package io.rampart.guard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The fast tier: folds the input, decodes bounded layers of encoding, runs the signatures on the
 * folded text and on every decoded layer, adds structural signals and combines the weights of
 * distinct rules as a noisy OR.
 */
final class FastTier {

  /**
   * Result of the fast tier for one input.
   *
   * @param folded the folded text
   * @param modelText what the classifier sees: the folded text without allow-listed passages
   */
  record Result(
      double score, List<Signal> signals, double[] features, boolean odd, String folded,
      String modelText) {}

  // Beyond this the credential mask is skipped (its regexes cost a few hundred steps a char).
  private static final int CREDENTIAL_SCAN_CHARS = 16_000;
  // Above this length the gate reads cue densities, not counts (oddLong).
  static final int LONG = 600;
  // (addressed "you" + AI words) per 10 words; chosen on dev.jsonl's long prompts (BENCHMARKS).
  private static final double LONG_ADDRESSED_DENSITY = 0.2;

  private final GuardConfig config;
  private final Signatures signatures;

  FastTier(GuardConfig config, Signatures signatures) {
    this.config = config;
    this.signatures = signatures;
  }

  Result analyse(String original) {
    // The prompt's word arrays come from the pool: nothing returned refers to them.
    Scratch scratch = Scratch.take();
    try {
      return analyse(original, scratch);
    } finally {
      Scratch.give(scratch);
    }
  }

  private Result analyse(String original, Scratch scratch) {
    List<Signal> signals = new ArrayList<>();
    Folded folded = Folded.of(original);
    Tokens tokens = Tokens.of(folded.text(), scratch);
    scanLayer(original, folded, tokens, signals, 0, -1, -1, "");
    Features f = features(original, folded, tokens);
    obfuscationSignals(original, folded, signals);
    structuralSignals(original, f, signals);
    List<Signal> kept = applyAllowList(original, signals);
    Map<String, Double> byRule = kept.isEmpty() ? Map.of() : new HashMap<>();
    Map<Category, Double> byCategory = kept.isEmpty() ? Map.of() : new EnumMap<>(Category.class);
    for (Signal s : kept) {
      byRule.merge(s.rule(), s.weight(), Math::max);
      byCategory.merge(s.category(), s.weight(), Math::max);
    }
    double keep = 1;
    for (double w : byRule.values()) {
      keep *= 1 - w;
    }
    double score = 1 - keep;
    double[] v = f.values();
    v[0] = score;
    v[1] = byCategory.getOrDefault(Category.INSTRUCTION_OVERRIDE, 0.0);
    v[2] = byCategory.getOrDefault(Category.JAILBREAK, 0.0);
    v[3] = byCategory.getOrDefault(Category.PROMPT_EXTRACTION, 0.0);
    v[4] = byCategory.getOrDefault(Category.INDIRECT_INJECTION, 0.0);
    v[5] = byCategory.getOrDefault(Category.OBFUSCATION, 0.0);
    v[6] = Math.log1p(byRule.size()) / 2;
    v[17] = anyRule(kept, "obfuscation.leet") ? 1 : 0;
    v[18] = anyRule(kept, "obfuscation.encoded") ? 1 : 0;
    boolean odd = original.length() > LONG ? oddLong(f) : oddShort(f, v, folded);
    return new Result(score, kept, v, odd, folded.text(), allowMasked(folded.text()));
  }

  private static boolean anyRule(List<Signal> signals, String prefix) {
    for (Signal s : signals) {
      if (s.rule().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  // A short text with any of these is unsure: a second "you", an AI word, a quoted payload.
  private static boolean oddShort(Features f, double[] v, Folded folded) {
    return f.secondPerson() > 1
        || f.aiWords() > 0
        || f.dialogueTurns() > 2
        || f.maxRun() > 4
        || f.sensitive() > 0
        || hasDoubleQuote(folded.text())
        || v[13] > 0.5;
  }

  // Over LONG characters the short-text cues fire on ordinary documents (quotes in JSON and code,
  // "key" and "token" in configs, a few "could you" in a long request), and length alone sent
  // every one of them to the model. A long text is unsure when it talks to the assistant: "you"
  // outside a polite request and AI words dense enough over the whole text, or present in its
  // opening words (jailbreaks open by telling the assistant who it is), or when it is a
  // dialogue or a run of repeated words. Shouting is left out: env dumps are upper case, and an
  // upper-case jailbreak still says "YOU" (counted, as words are folded to lower case).
  private static boolean oddLong(Features f) {
    double addressedDensity = (f.addressed() + f.aiWords()) * 10.0 / Math.max(1, f.tokens());
    return addressedDensity >= LONG_ADDRESSED_DENSITY
        || f.openingCues() > 0
        || f.dialogueTurns() > 2
        || f.maxRun() > 4;
  }

  private void scanLayer(
      String original,
      Folded folded,
      Tokens tokens,
      List<Signal> out,
      int depth,
      int outerStart,
      int outerEnd,
      String via) {
    boolean nested = outerStart >= 0;
    signatures.scan(
        folded.text(),
        tokens,
        3,
        hit -> {
          int s = nested ? outerStart : folded.originAt(hit.start());
          int e = nested ? outerEnd : folded.originEnd(hit.end(), original);
          String excerpt = folded.text().substring(hit.start(), Math.min(hit.end(), hit.start() + 120));
          // A phrase inside quotes is often mentioned (translate, explain) rather than used.
          double w = quoted(folded.text(), hit.start(), hit.end()) ? hit.rule().weight() * 0.5 : hit.rule().weight();
          out.add(new Signal(hit.rule().id(), hit.rule().category(), w, s, e, via + excerpt));
          if (!nested && leetIn(tokens, hit.start(), hit.end())) {
            out.add(new Signal("obfuscation.leetspeak", Category.OBFUSCATION, 0.4, s, e, excerpt));
          }
        });
    if (depth >= config.maxDecodeDepth()) {
      return;
    }
    for (Decoder.Decoded d : Decoder.decode(original, tokens)) {
      int s = nested ? outerStart : d.start();
      int e = nested ? outerEnd : d.end();
      Folded inner = Folded.of(d.text());
      Tokens innerTokens = Tokens.of(inner.text());
      int before = out.size();
      scanLayer(d.text(), inner, innerTokens, out, depth + 1, s, e, via + d.encoding() + ": ");
      boolean instructions = out.size() > before;
      out.add(
          new Signal(
              "obfuscation.encoded-" + d.encoding(),
              Category.OBFUSCATION,
              instructions ? 0.7 : plainWeight(d.encoding()),
              s,
              e,
              via + d.encoding() + ": " + d.text()));
    }
  }

  // Percent-encoding and spaced letters are common in benign text; a base64 sentence is not.
  private static double plainWeight(String encoding) {
    return encoding.equals("url") || encoding.equals("split-letters") ? 0.1 : 0.3;
  }

  static boolean quoted(String text, int start, int end) {
    int lineStart = text.lastIndexOf('\n', start) + 1;
    int before = 0;
    for (int i = Math.max(lineStart, start - 300); i < start; i++) {
      before += isQuote(text.charAt(i)) ? 1 : 0;
    }
    if (before % 2 == 0) {
      return false;
    }
    for (int i = end, m = Math.min(text.length(), end + 300); i < m && text.charAt(i) != '\n'; i++) {
      if (isQuote(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // Quoted strings carry most forced-output payloads ("say \"...\""); apostrophes do not.
  private static boolean hasDoubleQuote(String text) {
    int n = Math.min(text.length(), 64_000);
    for (int i = 0; i < n; i++) {
      if (isQuote(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201c' || c == '\u201d' || c == '\u00ab' || c == '\u00bb';
  }

  private static boolean leetIn(Tokens t, int start, int end) {
    for (int i = 0; i < t.size; i++) {
      if (t.start[i] >= start && t.end[i] <= end && t.leet[i]) {
        return true;
      }
    }
    return false;
  }

  private static void obfuscationSignals(String original, Folded f, List<Signal> out) {
    int s = Math.max(0, f.firstObfuscation());
    int e = Math.max(s, f.lastObfuscation());
    if (f.tagChars() > 0) {
      out.add(new Signal("obfuscation.unicode-tags", Category.OBFUSCATION, 0.85, s, e,
          "tag characters: " + f.tagChars()));
    }
    if (f.invisibleInWords() > 0) {
      double w = f.invisibleInWords() > 3 ? 0.6 : 0.3;
      out.add(new Signal("obfuscation.invisible", Category.OBFUSCATION, w, s, e,
          "invisible characters: " + f.invisibleInWords()));
    }
    if (f.homoglyphWords() > 0) {
      double w = f.homoglyphWords() > 1 ? 0.55 : 0.35;
      out.add(new Signal("obfuscation.homoglyph", Category.OBFUSCATION, w, 0, original.length(),
          "mixed-script words: " + f.homoglyphWords()));
    }
  }

  private static void structuralSignals(String original, Features f, List<Signal> out) {
    int len = original.length();
    // Repetition is judged per window and by repeated 8-grams, never over the whole text: the
    // whole-text share grows with length and flagged long ordinary documents (Repetition).
    if (f.maxRun() >= 16
        || (f.tokens() >= 60 && f.windowRepetition() > 0.85)
        || f.repeatedNgrams() > 0.9
        || f.periodicWord()) {
      out.add(new Signal("structure.token-flood", Category.OBFUSCATION, 0.5, 0, len,
          String.format(java.util.Locale.ROOT,
              "repeated tokens: longest run %d, window repetition %.2f, repeated 8-grams %.2f",
              f.maxRun(), f.windowRepetition(), f.repeatedNgrams())));
    }
    if (f.dialogueTurns() >= 8) {
      out.add(new Signal("structure.many-shot", Category.JAILBREAK, 0.45, 0, len,
          "dialogue turns: " + f.dialogueTurns()));
    }
    if (f.suffixSymbols() > 0.3) {
      out.add(new Signal("structure.adversarial-suffix", Category.OBFUSCATION, 0.4,
          Math.max(0, len - 160), len, "dense punctuation at the end"));
    }
  }

  // Structure is measured without pasted credentials: "password=..." or a random-looking key in
  // a config snippet is data (DLP's business), not shouting, gibberish or a question about
  // secrets, so it must not make an ordinary request look odd to the gate or to the classifier.
  private static Features features(String original, Folded folded, Tokens tokens) {
    if (original.length() > CREDENTIAL_SCAN_CHARS) {
      return Features.of(original, folded, tokens);
    }
    String plain = CredentialMask.apply(original, folded.text());
    if (plain.equals(original)) {
      return Features.of(original, folded, tokens);
    }
    Folded pf = Folded.of(plain);
    Features pl = Features.of(plain, pf, Tokens.of(pf.text()));
    // Invisible, tag and homoglyph counts stay those of the real text.
    Features.obfuscation(pl.values(), folded);
    return pl;
  }

  // Allow-listed passages are known false positives: the classifier must not see them either.
  private String allowMasked(String text) {
    String out = text;
    for (var p : config.allowPatterns()) {
      out = p.matcher(out).replaceAll(" ");
    }
    return out;
  }

  private List<Signal> applyAllowList(String original, List<Signal> signals) {
    if (signals.isEmpty()) {
      return signals;
    }
    List<int[]> allowed = new ArrayList<>();
    for (var p : config.allowPatterns()) {
      Matcher m = p.matcher(original);
      while (m.find()) {
        allowed.add(new int[] {m.start(), m.end()});
      }
    }
    List<Signal> kept = new ArrayList<>();
    for (Signal s : signals) {
      if (config.disabledRules().contains(s.rule())) {
        continue;
      }
      boolean covered = false;
      for (int[] a : allowed) {
        if (s.start() >= a[0] && s.end() <= a[1]) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(s);
      }
    }
    return kept;
  }
}
