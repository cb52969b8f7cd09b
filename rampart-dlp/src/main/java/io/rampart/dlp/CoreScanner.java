package io.rampart.dlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The single pass over the text. Each character is classified through a table (all 65,536
 * chars); only word starts, digit runs and a handful of framing characters ('@', '+', '(', '-',
 * ':') do any work, and validators run only at those candidates. No regular expressions on the
 * hot path.
 */
final class CoreScanner {
  private CoreScanner() {}

  private static final byte SKIP = 0;
  private static final byte WORD = 1;
  private static final byte DIGIT = 2;
  private static final byte FRAME = 3;
  /** Per char: its class. A table over all chars, so non-ASCII text takes no rare branch. */
  private static final byte[] CLS = new byte[0x10000];

  static {
    for (int c = 0x80; c < 0x10000; c++) {
      if (ScanState.isAlnum((char) c)) {
        CLS[c] = WORD;
      }
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLS[c] = WORD;
      CLS[c - 32] = WORD;
    }
    for (char c = '0'; c <= '9'; c++) {
      CLS[c] = DIGIT;
    }
    for (char c : "@+(-:".toCharArray()) {
      CLS[c] = FRAME;
    }
  }

  static ScanState scan(String s) {
    return scan(s, s.toCharArray());
  }

  /** Scans {@code s}, whose chars are also in {@code a} (at least {@code s.length()} long). */
  static ScanState scan(String s, char[] a) {
    ScanState st = new ScanState(s, a);
    NumberDetectors.Groups g = new NumberDetectors.Groups();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = a[i];
      byte k = CLS[c];
      if (k == SKIP) {
        // most chars of ordinary text are spaces and punctuation between words: skip them in a
        // tight loop
        i++;
        while (i < n && CLS[a[i]] == SKIP) {
          i++;
        }
      } else if (k == WORD) {
        i = word(st, i);
      } else if (k == DIGIT) {
        i = NumberDetectors.digits(st, i, g);
      } else {
        i = frame(st, i, c, g);
      }
    }
    return st;
  }

  /** At one of '@', '+', '(', '-', ':' (a call of its own: its rare cases stay out of scan). */
  private static int frame(ScanState st, int i, char c, NumberDetectors.Groups g) {
    return switch (c) {
      case '@' -> {
        FrameTokens.email(st, i);
        yield i + 1;
      }
      case '+' -> NumberDetectors.plus(st, i, g);
      case '(' -> NumberDetectors.paren(st, i);
      case '-' -> st.at(i + 1) == '-' ? Math.max(i + 1, FrameTokens.pem(st, i)) : i + 1;
      default -> Math.max(i + 1, FrameTokens.urlCredentials(st, i));
    };
  }

  /** Per char: 0 not a word char, else 1 | 2 ASCII upper case | 4 ASCII digit | 8 not ASCII. */
  private static final byte[] WC = new byte[0x10000];
  /** Per char: its case-folded form, as {@link Lexicon#fold}. */
  private static final char[] FOLD = new char[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) {
      FOLD[c] = Lexicon.fold((char) c);
    }
    for (int c = 0x80; c < 0x10000; c++) {
      if (ScanState.isAlnum((char) c)) {
        WC[c] = 1 | 8;
      }
    }
    for (char c = 'a'; c <= 'z'; c++) {
      WC[c] = 1;
      WC[c - 32] = 1 | 2;
    }
    for (char c = '0'; c <= '9'; c++) {
      WC[c] = 1 | 4;
    }
  }

  private static final long[] TOKEN_START = ScanState.charBits("esrgxA");

  private static int word(ScanState st, int i) {
    String s = st.s;
    char[] a = st.a;
    int n = st.n;
    int j = i;
    int upper = 0;
    int digits = 0;
    int nonAscii = 0;
    // walking the word is the innermost loop of the scanner: one table load per char, no hashing
    // (a word that ends the text traps once here; at() instead of j < n cost 5% of steady state)
    while (j < n) {
      int k = WC[a[j]];
      if (k == 0) {
        break;
      }
      upper += (k >> 1) & 1;
      digits |= k & 4;
      nonAscii |= k;
      j++;
    }
    int len = j - i;
    char f = a[i];
    // first chars of token prefixes (eyJ, sk_, rk_, ghp_, xox, AKIA) or 20 chars: one branch
    if ((ScanState.bit(TOKEN_START, f) | ((len ^ 20) - 1) >>> 31) != 0) {
      int e = SecretTokens.word(st, i, j);
      if (e > i) {
        return Math.max(e, j);
      }
    }
    if (upper >= 2 && ScanState.isUpper(f)) {
      int e = IdTokens.word(st, i, j);
      if (e > i) {
        return Math.max(e, j);
      }
    }
    if (len <= 4 && st.at(j) == ':' && hexWord(s, i, j)) {
      int e = FrameTokens.ipv6(st, i);
      if (e > i) {
        return e;
      }
    }
    Lexicon lx = Lexicon.get();
    // most words cannot start a secret value, a name or an address: a two-char prefix table says
    // so before the word is hashed and looked up
    // (a word with a non-ASCII char always goes on; the prefix table is for ASCII: '& 127' keeps
    // its index in range without a branch that ASCII-only warm-up would never have taken)
    int eager = (nonAscii >> 3) & 1 | lx.eagerBit(FOLD[f & 127], len > 1 ? FOLD[a[i + 1] & 127] : 0,
        upper > 0 && ScanState.isUpper(f));
    if (digits == 0 && len <= 24 && eager != 0) {
      int h = 0;
      for (int k = i; k < j; k++) {
        h = 31 * h + FOLD[a[k]];
      }
      int bits = lx.lookupEager(a, i, j, h);
      if (bits != 0) {
        if ((bits & Lexicon.SECRET) != 0) {
          SecretValues.after(st, i, j, bits);
        }
        if ((bits & Lexicon.STREET_PREFIX) != 0 && ScanState.isUpper(f)) {
          Addresses.prefixed(st, i, j);
        }
        if ((bits & (Lexicon.FIRST_NAME | Lexicon.TITLE)) != 0) {
          return Math.max(j, Names.at(st, i, j, bits));
        }
      }
    }
    return j;
  }

  private static boolean hexWord(String s, int i, int j) {
    for (int k = i; k < j; k++) {
      char c = s.charAt(k);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** Scores candidates with their context, drops weak ones and resolves overlaps. */
  static List<Candidate> resolve(ScanState st, List<Candidate> extra, double floor) {
    if (st.candidates.isEmpty() && extra.isEmpty()) {
      return List.of(); // the common case for ordinary traffic: nothing to score or sort
    }
    List<Candidate> scored = new ArrayList<>(st.candidates.size() + extra.size());
    for (List<Candidate> list : List.of(st.candidates, extra)) {
      for (Candidate c : list) {
        double score = c.base();
        if (c.context() != 0 && (st.contextAround(c.start(), c.end()) & c.context()) != 0) {
          score = Math.max(score, c.boosted());
        }
        if (c.base() < 0.5 && c.priority() <= 2
            && (st.keywordsIn(Math.max(0, c.start() - 24), c.start()) & Lexicon.NEGATIVE) != 0) {
          score *= 0.5;
        }
        if (score >= floor) {
          scored.add(new Candidate(c.type(), c.start(), c.end(), score, score, c.context(),
              c.priority(), c.detector()));
        }
      }
    }
    scored.sort(Comparator.comparingInt(Candidate::start));
    // overlapping candidates form small clusters; the best of each cluster wins, then the rest
    // of the cluster is re-examined for members that do not overlap the winners
    List<Candidate> out = new ArrayList<>(scored.size());
    List<Candidate> cluster = new ArrayList<>();
    int clusterEnd = -1;
    for (Candidate c : scored) {
      if (c.start() >= clusterEnd && !cluster.isEmpty()) {
        pick(cluster, out);
        cluster.clear();
      }
      cluster.add(c);
      clusterEnd = Math.max(clusterEnd, c.end());
    }
    pick(cluster, out);
    out.sort(Comparator.comparingInt(Candidate::start));
    return out;
  }

  private static final Comparator<Candidate> BEST =
      Comparator.comparingInt(Candidate::priority)
          .thenComparingDouble(Candidate::base)
          .thenComparingInt(c -> c.end() - c.start())
          .reversed();

  private static void pick(List<Candidate> cluster, List<Candidate> out) {
    if (cluster.size() == 1) {
      out.add(cluster.get(0));
      return;
    }
    cluster.sort(BEST);
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : cluster) {
      boolean free = true;
      for (Candidate k : kept) {
        free &= c.end() <= k.start() || k.end() <= c.start();
      }
      if (free) {
        kept.add(c);
      }
    }
    out.addAll(kept);
  }
}
