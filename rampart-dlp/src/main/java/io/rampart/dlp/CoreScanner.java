package io.rampart.dlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The single pass over the text. Each character is classified through a 128-entry table; only
 * word starts, digit runs and a handful of framing characters ('@', '+', '(', '-', ':') do any
 * work, and validators run only at those candidates. No regular expressions on the hot path.
 */
final class CoreScanner {
  private CoreScanner() {}

  private static final byte SKIP = 0;
  private static final byte WORD = 1;
  private static final byte DIGIT = 2;
  private static final byte FRAME = 3;
  private static final byte[] CLS = new byte[128];

  static {
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
    ScanState st = new ScanState(s);
    NumberDetectors.Groups g = new NumberDetectors.Groups();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte k = CLS[c];
        if (k == SKIP) {
          i++;
        } else if (k == WORD) {
          i = word(st, i);
        } else if (k == DIGIT) {
          i = NumberDetectors.digits(st, i, g);
        } else {
          i = switch (c) {
            case '@' -> {
              FrameTokens.email(st, i);
              yield i + 1;
            }
            case '+' -> NumberDetectors.plus(st, i, g);
            case '(' -> NumberDetectors.paren(st, i);
            case '-' -> Math.max(i + 1, FrameTokens.pem(st, i));
            default -> Math.max(i + 1, FrameTokens.urlCredentials(st, i));
          };
        }
      } else if (Character.isLetterOrDigit(c)) {
        i = word(st, i);
      } else {
        i++;
      }
    }
    return st;
  }

  private static int word(ScanState st, int i) {
    String s = st.s;
    int n = st.n;
    int h = 0;
    int j = i;
    int upper = 0;
    int digits = 0;
    while (j < n) {
      char c = s.charAt(j);
      if (c >= 'a' && c <= 'z') {
        h = 31 * h + c;
      } else if (c >= 'A' && c <= 'Z') {
        h = 31 * h + (c | 0x20);
        upper++;
      } else if (c >= '0' && c <= '9') {
        h = 31 * h + c;
        digits++;
      } else if (c >= 0x80 && Character.isLetterOrDigit(c)) {
        h = 31 * h + Lexicon.fold(c);
      } else {
        break;
      }
      j++;
    }
    int len = j - i;
    char f = s.charAt(i);
    if (f == 'e' || f == 's' || f == 'r' || f == 'g' || f == 'x' || f == 'A' || len == 20) {
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
    if (digits == 0 && len <= 24) {
      int bits = Lexicon.get().lookup(s, i, j, h);
      if (bits != 0) {
        int kw = bits & Lexicon.KEYWORD_BITS;
        if (kw != 0) {
          st.keyword(i, kw);
        }
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
