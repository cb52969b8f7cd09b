package io.rampart.dlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The words the scanner reacts to: context keywords (as bit groups) and name dictionaries, in one
 * open-addressing table probed with the hash the scanner computes while it walks a word, so a
 * lookup costs one probe and no allocation.
 */
final class Lexicon {
  static final int CARD = 1;
  static final int SSN = 1 << 1;
  static final int PHONE = 1 << 2;
  static final int IBAN = 1 << 3;
  static final int IP = 1 << 4;
  static final int AADHAAR = 1 << 5;
  static final int CPF = 1 << 6;
  static final int NIF = 1 << 7;
  static final int NINO = 1 << 8;
  static final int FISCAL = 1 << 9;
  static final int SECRET = 1 << 10;
  static final int PERSON_CTX = 1 << 11;
  static final int ADDRESS = 1 << 12;
  static final int NEGATIVE = 1 << 13;
  static final int AWS = 1 << 14;
  static final int OPENAI = 1 << 15;
  static final int FIRST_NAME = 1 << 16;
  static final int SURNAME = 1 << 17;
  static final int AMBIGUOUS = 1 << 18;
  static final int TITLE = 1 << 19;
  static final int STREET_SUFFIX = 1 << 20;
  static final int NOT_NAME = 1 << 21;
  static final int STRONG_SECRET = 1 << 22;
  static final int STREET_PREFIX = 1 << 23;
  static final int KEYWORD_BITS = (1 << 16) - 1;

  private static final Lexicon INSTANCE = load();

  private final int mask;
  private final String[] keys;
  private final int[] hashes;
  private final int[] values;
  /**
   * One bit per word hash (2^16 bits, 8 KiB: stays in L1). Most words of ordinary text are not in
   * the lexicon; this answers "surely absent" for nearly all of them with one load, before the
   * probe into the larger table.
   */
  private final long[] bloom = new long[1 << 10];
  /** The same for the words the single pass must act on at once ({@link #EAGER_BITS}). */
  private final long[] eagerBloom = new long[1 << 10];

  /**
   * Bits that make the scanner act at the word itself: a secret's keyword starts a value, a given
   * name or title starts a name, a street prefix starts an address. Context keywords are only
   * needed around candidates and are looked up lazily there ({@link ScanState#keywordsIn}).
   */
  static final int EAGER_BITS = SECRET | FIRST_NAME | TITLE | STREET_PREFIX;

  /**
   * First two folded ASCII chars (index c0 * 128 + c1, c1 = 0 for one-char words) of the words
   * with {@link #SECRET} (in {@code secretPrefix}) or with name and street bits, which only act on
   * capitalized words (in {@code capPrefix}). Lets the scanner skip most words without hashing.
   */
  private final long[] secretPrefix = new long[128 * 128 / 64];
  private final long[] capPrefix = new long[128 * 128 / 64];

  private Lexicon(int capacity) {
    int size = Integer.highestOneBit(capacity * 3) << 1;
    mask = size - 1;
    keys = new String[size];
    hashes = new int[size];
    values = new int[size];
  }

  static Lexicon get() {
    return INSTANCE;
  }

  /** Lower-cases and strips common Latin accents, so José and JOSE hash like jose. */
  static char fold(char c) {
    if (c < 0x80) {
      return (c >= 'A' && c <= 'Z') ? (char) (c | 0x20) : c;
    }
    char l = Character.toLowerCase(c);
    if (l >= 0xE0 && l <= 0xFF) {
      return "aaaaaaaceeeeiiiidnooooo/ouuuuyty".charAt(l - 0xE0);
    }
    return l;
  }

  static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + fold(s.charAt(i));
    }
    return h;
  }

  private static int slot(int h) {
    return (h ^ (h >>> 15)) * 0x2C1B3C6D;
  }

  /** Bits for the word {@code s[from, to)} whose {@link #hash} is {@code h}; 0 when unknown. */
  int lookup(CharSequence s, int from, int to, int h) {
    int m = slot(h);
    if ((bloom[m >>> 22] & (1L << m)) == 0) {
      return 0;
    }
    return probe(s, from, to, h, m);
  }

  /**
   * Like {@link #lookup} but answers 0 at once for words without {@link #EAGER_BITS}: stop words
   * and context keywords, the most frequent words of ordinary text, cost one L1 load.
   */
  int lookupEager(CharSequence s, int from, int to, int h) {
    int m = slot(h);
    if ((eagerBloom[m >>> 22] & (1L << m)) == 0) {
      return 0;
    }
    return probe(s, from, to, h, m);
  }

  /**
   * 1 when a word starting with the folded ASCII chars c0, c1 (0 when the word has one char) may
   * have {@link #EAGER_BITS}, else 0; {@code capitalized} when the word starts with an upper-case
   * letter. An int, not a boolean: the scanner ORs it with other conditions without branching.
   */
  int eagerBit(char c0, char c1, boolean capitalized) {
    int p = c0 * 128 + c1;
    int cap = capitalized ? 1 : 0;
    return (int) (secretPrefix[p >>> 6] >>> p) & 1 | cap & (int) (capPrefix[p >>> 6] >>> p);
  }

  /** As {@link #lookup(CharSequence, int, int, int)}, on the scanner's char array. */
  int lookup(char[] a, int from, int to, int h) {
    int m = slot(h);
    if ((bloom[m >>> 22] & (1L << m)) == 0) {
      return 0;
    }
    return probe(a, from, to, h, m);
  }

  /** As {@link #lookupEager(CharSequence, int, int, int)}, on the scanner's char array. */
  int lookupEager(char[] a, int from, int to, int h) {
    int m = slot(h);
    if ((eagerBloom[m >>> 22] & (1L << m)) == 0) {
      return 0;
    }
    return probe(a, from, to, h, m);
  }

  // the hot path reads a char array: String.charAt pays a coder check and a bounds check per char
  private int probe(char[] a, int from, int to, int h, int m) {
    int len = to - from;
    int i = (m >>> 7) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return 0;
      }
      if (hashes[i] == h && k.length() == len && matches(k, a, from)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  private static boolean matches(String k, char[] a, int from) {
    for (int j = 0; j < k.length(); j++) {
      char c = a[from + j];
      if (k.charAt(j) != (c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) : fold(c))) {
        return false;
      }
    }
    return true;
  }

  private int probe(CharSequence s, int from, int to, int h, int m) {
    int len = to - from;
    int i = (m >>> 7) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return 0;
      }
      if (hashes[i] == h && k.length() == len && matches(k, s, from)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  int lookup(String word) {
    return lookup(word, 0, word.length(), hash(word, 0, word.length()));
  }

  private static boolean matches(String k, CharSequence s, int from) {
    for (int j = 0; j < k.length(); j++) {
      if (k.charAt(j) != fold(s.charAt(from + j))) {
        return false;
      }
    }
    return true;
  }

  private void add(String word, int bits) {
    String w = word.trim();
    if (w.isEmpty()) {
      return;
    }
    StringBuilder f = new StringBuilder(w.length());
    for (int j = 0; j < w.length(); j++) {
      f.append(fold(w.charAt(j)));
    }
    String k = f.toString();
    int h = hash(k, 0, k.length());
    int m0 = slot(h);
    if ((bits & EAGER_BITS) != 0) {
      eagerBloom[m0 >>> 22] |= 1L << m0;
      char c0 = k.charAt(0);
      char c1 = k.length() > 1 ? k.charAt(1) : 0;
      if (c0 < 0x80 && c1 < 0x80) {
        int p = c0 * 128 + c1;
        if ((bits & SECRET) != 0) {
          secretPrefix[p >>> 6] |= 1L << p;
        }
        if ((bits & (EAGER_BITS & ~SECRET)) != 0) {
          capPrefix[p >>> 6] |= 1L << p;
        }
      }
    }
    int i = (m0 >>> 7) & mask;
    while (keys[i] != null) {
      if (keys[i].equals(k)) {
        values[i] |= bits;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = k;
    int m = slot(h);
    bloom[m >>> 22] |= 1L << m;
    hashes[i] = h;
    values[i] = bits;
  }

  private static Lexicon load() {
    Lexicon lx = new Lexicon(8192);
    for (String[] group : Keywords.GROUPS) {
      int bits = Integer.parseInt(group[0]);
      for (int j = 1; j < group.length; j++) {
        lx.add(group[j], bits);
      }
    }
    lx.addResource("first-names.txt", FIRST_NAME);
    lx.addResource("surnames.txt", SURNAME);
    return lx;
  }

  private void addResource(String name, int bits) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new DlpException("resource: " + name + " (expected: on the class path)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          for (String w : line.split("[ ,]+")) {
            add(w, bits);
          }
        }
      }
    } catch (IOException e) {
      throw new DlpException("resource: " + name + " (expected: readable)", e);
    }
  }
}
