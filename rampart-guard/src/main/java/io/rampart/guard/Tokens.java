package io.rampart.guard;

import java.util.Arrays;

/**
 * Word tokens of folded text. Letters, digits and the leetspeak symbols {@code @$} form words;
 * each CJK character is a word of its own. Words that mix letters with digits are de-leeted
 * ({@code 1gn0r3} becomes {@code ignore}) and remembered as such.
 */
final class Tokens {
  static final int MIN_SENTENCE_WORDS = 3;
  final String[] words;
  final int[] start;
  final int[] end;
  final boolean[] leet;
  // Sentence number of each word: signature gaps do not reach across a sentence end.
  final int[] sentence;
  final int size;
  final boolean hasCjk;
  final int longest;

  private Tokens(String[] words, int[] start, int[] end, boolean[] leet, int[] sentence, int size,
      boolean hasCjk, int longest) {
    this.sentence = sentence;
    this.hasCjk = hasCjk;
    this.longest = longest;
    this.words = words;
    this.start = start;
    this.end = end;
    this.leet = leet;
    this.size = size;
  }

  static Tokens of(String text) {
    int cap = 16;
    String[] words = new String[cap];
    int[] start = new int[cap];
    int[] end = new int[cap];
    boolean[] leet = new boolean[cap];
    int[] sentence = new int[cap];
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
      boolean cjk = isCjk(c);
      anyCjk |= cjk;
      if (cjk) {
        i++;
      } else {
        while (i < len && isWordChar(text.charAt(i)) && !isCjk(text.charAt(i))) {
          i++;
        }
      }
      if (n == cap) {
        cap *= 2;
        words = Arrays.copyOf(words, cap);
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        leet = Arrays.copyOf(leet, cap);
        sentence = Arrays.copyOf(sentence, cap);
      }
      longest = Math.max(longest, i - s);
      String w = text.substring(s, i);
      String unleet = cjk ? w : unleet(w);
      leet[n] = unleet != w;
      words[n] = unleet;
      start[n] = s;
      end[n] = i;
      sentence[n] = sentenceNo;
      sentenceWords++;
      n++;
    }
    return new Tokens(words, start, end, leet, sentence, n, anyCjk, longest);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '@' || c == '$';
  }

  static boolean isCjk(char c) {
    return Folded.isUnspacedScript(c);
  }

  // Returns the same instance when nothing changes so callers can tell by identity.
  private static String unleet(String w) {
    boolean letter = false;
    boolean symbol = false;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > 0x7f && Character.isLetter(c))) {
        letter = true;
      } else {
        switch (c) {
          case '0', '1', '3', '4', '5', '7', '@', '$' -> symbol = true;
          default -> { }
        }
      }
    }
    if (!letter || !symbol) {
      return w;
    }
    char[] out = w.toCharArray();
    for (int k = 0; k < out.length; k++) {
      out[k] =
          switch (out[k]) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> out[k];
          };
    }
    return new String(out);
  }
}
