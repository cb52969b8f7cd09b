package io.rampart.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weighted signatures loaded from {@code signatures.txt}. Token signatures are sequences of
 * word slots with bounded gaps, matched in one pass by indexing their first slot, so their cost
 * is linear in the input and independent of how phrases are worded in between. Regex
 * signatures cover punctuation-shaped markers (fake role tags) and unspaced scripts.
 */
final class Signatures {

  /** One signature definition. */
  record Rule(String id, Category category, double weight) {}

  /** One match in folded coordinates. */
  record Hit(Rule rule, int start, int end) {}

  // exactWords and stopWords hold exact and gapStops for lookups by token (no string per word).
  private record Slot(Set<String> exact, String[] prefixes, int gapBefore, boolean inSentence,
      Set<String> gapStops, WordTable exactWords, WordTable stopWords) {
    Slot(Set<String> exact, String[] prefixes, int gapBefore, boolean inSentence,
        Set<String> gapStops) {
      this(exact, prefixes, gapBefore, inSentence, gapStops, WordTable.set(exact),
          WordTable.set(gapStops));
    }

    boolean matches(Tokens t, int i) {
      if (exactWords.contains(t, i)) {
        return true;
      }
      for (String p : prefixes) {
        if (t.startsWith(i, p)) {
          return true;
        }
      }
      return false;
    }
  }

  private record TokenRule(Rule rule, Slot[] slots) {}

  // A regex runs only when one of its guard characters occurs (or, for "cjk", a CJK word), so
  // the common prompt pays one indexOf per rule instead of a full regex pass.
  private record RegexRule(Rule rule, Pattern pattern, String guard) {}

  // Rules by the exact words of their first slot: looked up per token without a string.
  private final WordTable byFirstWord;
  private final TokenRule[][] firstWordRules;
  private record PrefixRule(String prefix, TokenRule rule) {}

  // Prefix first slots are indexed by their first two chars, so a token costs one int lookup
  // (an open-addressing table: a boxed Integer key allocated once per word).
  private final int[] prefixKeys;
  private final PrefixRule[][] prefixRules;
  private final List<RegexRule> regexRules = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();

  private Signatures(List<String> lines) {
    Map<Integer, List<PrefixRule>> byFirstPrefix = new HashMap<>();
    Map<String, List<TokenRule>> firstWords = new java.util.LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int sep = line.indexOf("::");
      String[] head = sep < 0 ? new String[0] : line.substring(0, sep).trim().split("\\s+");
      if (head.length != 3) {
        throw new GuardException(
            "signatures.txt:" + lineNo + ": " + line + " (expected: ID CATEGORY WEIGHT :: PATTERN)");
      }
      Rule rule = new Rule(head[0], Category.valueOf(head[1]), Double.parseDouble(head[2]));
      rules.add(rule);
      String body = line.substring(sep + 2).trim();
      if (body.startsWith("re:") || body.startsWith("re(")) {
        boolean guarded = body.startsWith("re(");
        int colon = guarded ? body.indexOf("):") + 1 : body.indexOf(':');
        String guard = guarded ? body.substring(3, colon - 1) : "";
        regexRules.add(new RegexRule(rule, Pattern.compile(body.substring(colon + 1).trim()), guard));
        continue;
      }
      TokenRule tr = new TokenRule(rule, parse(body));
      Slot first = tr.slots()[0];
      first.exact().forEach(w -> firstWords.computeIfAbsent(w, k -> new ArrayList<>()).add(tr));
      for (String p : first.prefixes()) {
        if (p.length() < 2) {
          throw new GuardException("signatures.txt:" + lineNo + ": prefix " + p + "* (expected: >= 2 chars)");
        }
        byFirstPrefix.computeIfAbsent(key(p), k -> new ArrayList<>()).add(new PrefixRule(p, tr));
      }
    }
    // The table maps a first word to its slot in firstWordRules (rules in file order).
    Map<String, Integer> index = new HashMap<>();
    firstWordRules = new TokenRule[firstWords.size()][];
    for (Map.Entry<String, List<TokenRule>> e : firstWords.entrySet()) {
      firstWordRules[index.size()] = e.getValue().toArray(TokenRule[]::new);
      index.put(e.getKey(), index.size());
    }
    byFirstWord = WordTable.of(index);
    int size = Integer.highestOneBit(Math.max(1, byFirstPrefix.size())) * 4;
    prefixKeys = new int[size];
    prefixRules = new PrefixRule[size][];
    byFirstPrefix.forEach(
        (k, v) -> {
          int slot = slot(k, size - 1);
          while (prefixRules[slot] != null) {
            slot = (slot + 1) & (size - 1);
          }
          prefixKeys[slot] = k;
          prefixRules[slot] = v.toArray(PrefixRule[]::new);
        });
  }

  private static int slot(int key, int mask) {
    int x = key * 0x9E3779B9;
    return (x ^ (x >>> 16)) & mask;
  }

  // The rules whose first slot is a prefix starting with the key's two chars; null when none.
  private PrefixRule[] prefixRules(int key) {
    int mask = prefixKeys.length - 1;
    for (int slot = slot(key, mask); prefixRules[slot] != null; slot = (slot + 1) & mask) {
      if (prefixKeys[slot] == key) {
        return prefixRules[slot];
      }
    }
    return null;
  }

  private static final Signatures BUILT_IN = load();

  static Signatures builtIn() {
    return BUILT_IN;
  }

  List<Rule> rules() {
    return rules;
  }

  private static Signatures load() {
    try (InputStream in = Signatures.class.getResourceAsStream("signatures.txt")) {
      if (in == null) {
        throw new GuardException("signatures.txt: missing (expected: a resource of rampart-guard)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Signatures(r.lines().toList());
    } catch (IOException e) {
      throw new GuardException("signatures.txt: unreadable (expected: a resource)", e);
    }
  }

  private static Slot[] parse(String body) {
    List<Slot> slots = new ArrayList<>();
    int gap = 0;
    boolean inSentence = false;
    Set<String> stops = Set.of();
    for (String part : body.split("\\s+")) {
      if (part.startsWith("~")) {
        // ~N, ~N. (within the sentence), ~N!w,w (the gap ends at any of these words)
        int bang = part.indexOf('!');
        String n = bang < 0 ? part.substring(1) : part.substring(1, bang);
        stops = bang < 0 ? Set.of() : Set.of(part.substring(bang + 1).split(","));
        inSentence = n.endsWith(".");
        gap = Integer.parseInt(inSentence ? n.substring(0, n.length() - 1) : n);
        continue;
      }
      Set<String> exact = new java.util.HashSet<>();
      List<String> prefixes = new ArrayList<>();
      for (String alt : part.split("\\|")) {
        if (alt.endsWith("*")) {
          prefixes.add(alt.substring(0, alt.length() - 1));
        } else {
          exact.add(alt);
        }
      }
      slots.add(new Slot(Set.copyOf(exact), prefixes.toArray(String[]::new), gap, inSentence,
          stops));
      gap = 0;
      inSentence = false;
      stops = Set.of();
    }
    return slots.toArray(Slot[]::new);
  }

  /** Reports every hit; each rule reports at most {@code perRule} hits. */
  void scan(String folded, Tokens tokens, int perRule, Consumer<Hit> sink) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < tokens.size; i++) {
      int exact = byFirstWord.get(tokens, i);
      if (exact >= 0) {
        for (TokenRule tr : firstWordRules[exact]) {
          tryOne(tr, tokens, i, perRule, counts, sink);
        }
      }
      if (tokens.length(i) >= 2) {
        PrefixRule[] pre = prefixRules((tokens.charAt(i, 0) << 16) | tokens.charAt(i, 1));
        if (pre != null) {
          for (PrefixRule pr : pre) {
            if (tokens.startsWith(i, pr.prefix())) {
              tryOne(pr.rule(), tokens, i, perRule, counts, sink);
            }
          }
        }
      }
    }
    for (RegexRule rr : regexRules) {
      if (!guardHolds(rr.guard(), folded, tokens)) {
        continue;
      }
      Matcher m = rr.pattern().matcher(folded);
      int found = 0;
      while (found < perRule && m.find()) {
        sink.accept(new Hit(rr.rule(), m.start(), m.end()));
        found++;
      }
    }
  }

  private static int key(String w) {
    return (w.charAt(0) << 16) | w.charAt(1);
  }

  private static boolean guardHolds(String guard, String text, Tokens tokens) {
    if (guard.isEmpty()) {
      return true;
    }
    if (guard.equals("cjk")) {
      return tokens.hasCjk;
    }
    for (int i = 0; i < guard.length(); i++) {
      if (text.indexOf(guard.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void tryOne(
      TokenRule tr,
      Tokens tokens,
      int i,
      int perRule,
      Map<String, Integer> counts,
      Consumer<Hit> sink) {
    int seen = counts.getOrDefault(tr.rule().id(), 0);
    if (seen >= perRule) {
      return;
    }
    int last = match(tr.slots(), 1, tokens, i + 1);
    if (last >= 0) {
      counts.put(tr.rule().id(), seen + 1);
      sink.accept(new Hit(tr.rule(), tokens.start[i], tokens.end[last]));
    }
  }

  // Returns the index of the last matched token, or -1. Gaps are small so backtracking is
  // bounded by the product of (gap + 1) over slots.
  private static int match(Slot[] slots, int slot, Tokens tokens, int pos) {
    if (slot == slots.length) {
      return pos - 1;
    }
    Slot s = slots[slot];
    for (int k = 0; k <= s.gapBefore() && pos + k < tokens.size; k++) {
      // "~N." gaps stay in the sentence of the previous slot: "list the regional audience.
      // Please shorten the internal guideline" is two requests, not "list ... guideline".
      if (k > 0 && s.inSentence() && tokens.sentence[pos + k] != tokens.sentence[pos - 1]) {
        break;
      }
      // "share how the features affect our internal guidelines": the object is the user's own
      if (k > 0 && s.stopWords().contains(tokens, pos + k - 1)) {
        break;
      }
      if (s.matches(tokens, pos + k)) {
        int r = match(slots, slot + 1, tokens, pos + k + 1);
        if (r >= 0) {
          return r;
        }
      }
    }
    return -1;
  }
}
