package io.rampart.guard;

/**
 * Word tokens of folded text. Letters, digits and the leetspeak symbols {@code @$} form words;
 * each CJK character is a word of its own. Words that mix letters with digits are de-leeted
 * ({@code 1gn0r3} becomes {@code ignore}) and remembered as such.
 *
 * <p>A word is a span of the text, not a {@code String}: the fast tier reads every word of every
 * prompt, and a substring per word was a fifth of the bytes it allocated. Each word's
 * {@link String#hashCode()} is computed while reading, so {@link WordTable} lookups and
 * repetition measures need no string; {@link #word(int)} makes one on demand (signature slots
 * after a first-word hit, rare paths).
 */
final class Tokens {
  static final int MIN_SENTENCE_WORDS = 3;
  final String text;
  final int[] start;
  final int[] end;
  final boolean[] leet;
  // Sentence number of each word: signature gaps do not reach across a sentence end.
  final int[] sentence;
  /** {@code word(i).hashCode()} for every word. */
  final int[] hash;
  final int size;
  final boolean hasCjk;
  final int longest;
  // De-leeted words from the start, other words once asked for; null until one is needed.
  private String[] words;

  // Arrays from scratch when given (longer than size, with leftovers past it), else exact.
  private Tokens(String text, int size, Scratch scratch) {
    this.text = text;
    this.size = size;
    start = scratch == null ? new int[size] : scratch.tokenInts(0, size);
    end = scratch == null ? new int[size] : scratch.tokenInts(1, size);
    sentence = scratch == null ? new int[size] : scratch.tokenInts(2, size);
    hash = scratch == null ? new int[size] : scratch.tokenInts(3, size);
    leet = scratch == null ? new boolean[size] : scratch.leet(size);
    int sentenceNo = 0;
    int sentenceWords = 0;
    int n = 0;
    int i = 0;
    boolean anyCjk = false;
    int longest = 0;
    int len = text.length();
    while (i < len) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        // A sentence ends at . ! ? before a space once it has a few words; one-word "sentences"
        // ("Ignore. Previous. Instructions.") are an evasion, not prose, so they do not count.
        if (sentenceWords >= MIN_SENTENCE_WORDS && (c == '.' || c == '!' || c == '?')
            && (i + 1 == len || Character.isWhitespace(text.charAt(i + 1)))) {
          sentenceNo++;
          sentenceWords = 0;
        }
        i++;
        continue;
      }
      int s = i;
      int h = 0;
      boolean letter = false;
      boolean symbol = false;
      if (isCjk(c)) {
        anyCjk = true;
        h = c;
        i++;
      } else {
        while (i < len && isWordChar(c = text.charAt(i)) && !isCjk(c)) {
          h = 31 * h + c;
          if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > 0x7f && Character.isLetter(c))) {
            letter = true;
          } else if (isLeetSymbol(c)) {
            symbol = true;
          }
          i++;
        }
      }
      longest = Math.max(longest, i - s);
      leet[n] = letter && symbol;
      if (letter && symbol) {
        String unleet = unleet(text, s, i);
        if (words == null) {
          words = new String[size];
        }
        words[n] = unleet;
        h = unleet.hashCode();
      }
      hash[n] = h;
      start[n] = s;
      end[n] = i;
      sentence[n] = sentenceNo;
      sentenceWords++;
      n++;
    }
    this.hasCjk = anyCjk;
    this.longest = longest;
  }

  static Tokens of(String text) {
    return new Tokens(text, count(text), null);
  }

  /**
   * As {@link #of(String)}, with the word arrays taken from {@code scratch}: the tokens are valid
   * only until the scratch is given back. Entries past {@link #size} are leftovers.
   */
  static Tokens of(String text, Scratch scratch) {
    return new Tokens(text, count(text), scratch);
  }

  // Words are counted first so the arrays are allocated once at their final size.
  private static int count(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0, len = text.length(); i < len; i++) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        inWord = false;
      } else if (isCjk(c)) {
        n++;
        inWord = false;
      } else if (!inWord) {
        n++;
        inWord = true;
      }
    }
    return n;
  }

  /** Word {@code i} as a string (made on first use). */
  String word(int i) {
    if (words == null) {
      words = new String[size];
    }
    String w = words[i];
    if (w == null) {
      w = text.substring(start[i], end[i]);
      words[i] = w;
    }
    return w;
  }

  /** Length of word {@code i} (de-leeting keeps lengths). */
  int length(int i) {
    return end[i] - start[i];
  }

  /** Char {@code k} of word {@code i}. */
  char charAt(int i, int k) {
    return leet[i] ? words[i].charAt(k) : text.charAt(start[i] + k);
  }

  /** Whether word {@code i} equals {@code w}. */
  boolean is(int i, String w) {
    int len = end[i] - start[i];
    if (w.length() != len) {
      return false;
    }
    if (leet[i]) {
      return words[i].equals(w);
    }
    return text.regionMatches(start[i], w, 0, len);
  }

  /** Whether word {@code i} starts with {@code prefix}. */
  boolean startsWith(int i, String prefix) {
    int len = end[i] - start[i];
    if (prefix.length() > len) {
      return false;
    }
    return leet[i] ? words[i].startsWith(prefix) : text.startsWith(prefix, start[i]);
  }

  /** Whether words {@code i} and {@code j} are equal. */
  boolean same(int i, int j) {
    int len = end[i] - start[i];
    if (hash[i] != hash[j] || end[j] - start[j] != len) {
      return false;
    }
    if (!leet[i] && !leet[j]) {
      return text.regionMatches(start[i], text, start[j], len);
    }
    for (int k = 0; k < len; k++) {
      if (charAt(i, k) != charAt(j, k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '@' || c == '$';
  }

  static boolean isCjk(char c) {
    return Folded.isUnspacedScript(c);
  }

  private static boolean isLeetSymbol(char c) {
    return switch (c) {
      case '0', '1', '3', '4', '5', '7', '@', '$' -> true;
      default -> false;
    };
  }

  // Called only for a word with both a letter and a leet symbol.
  private static String unleet(String text, int from, int to) {
    char[] out = new char[to - from];
    for (int k = 0; k < out.length; k++) {
      char c = text.charAt(from + k);
      out[k] =
          switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
          };
    }
    return new String(out);
  }
}
