package io.rampart.dlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one custom detector. User regexes can backtrack catastrophically, so matching reads the
 * text through a view that counts character reads and fails closed past a budget.
 */
final class CustomRunner {
  private final CustomDetector d;
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<String> context;

  CustomRunner(CustomDetector d) {
    this.d = d;
    d.regex().ifPresent(patterns::add);
    d.keywordPattern().ifPresent(patterns::add);
    this.context = d.context().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  private static double score(Confidence c) {
    return switch (c) {
      case LOW -> 0.35;
      case MEDIUM -> 0.6;
      case HIGH -> 0.9;
    };
  }

  void run(String text, List<Candidate> out) {
    for (Pattern p : patterns) {
      Budgeted view = new Budgeted(text, 2_000_000L + 500L * text.length(), d.id());
      Matcher m = p.matcher(view);
      try {
        while (m.find()) {
          if (m.end() == m.start()) {
            continue;
          }
          String value = text.substring(m.start(), m.end());
          if (!d.validator().test(value)) {
            continue;
          }
          double s = score(d.confidence());
          if (!context.isEmpty() && nearContext(text, m.start(), m.end())) {
            s = Math.max(s, score(d.contextConfidence()));
          }
          out.add(new Candidate(d.type(), m.start(), m.end(), s, s, 0, 2, d.id()));
        }
      } catch (StackOverflowError e) {
        throw new DlpException("detector " + d.id() + ": regex recursion too deep (expected: a"
            + " pattern without nested unbounded repetition)");
      }
    }
  }

  private boolean nearContext(String text, int start, int end) {
    String window = text.substring(Math.max(0, start - ScanState.BEFORE),
        Math.min(text.length(), end + ScanState.AFTER)).toLowerCase(Locale.ROOT);
    for (String w : context) {
      if (window.contains(w)) {
        return true;
      }
    }
    return false;
  }

  Optional<String> id() {
    return Optional.of(d.id());
  }

  /** A CharSequence that fails after too many reads: bounded time for any regex. */
  private static final class Budgeted implements CharSequence {
    private final String s;
    private final int from;
    private final int to;
    private final long[] left;
    private final String id;

    Budgeted(String s, long budget, String id) {
      this(s, 0, s.length(), new long[] {budget}, id);
    }

    private Budgeted(String s, int from, int to, long[] left, String id) {
      this.s = s;
      this.from = from;
      this.to = to;
      this.left = left;
      this.id = id;
    }

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new DlpException("detector " + id + ": match budget exceeded (expected: a regex"
            + " without catastrophic backtracking)");
      }
      return s.charAt(from + index);
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(s, from + start, from + end, left, id);
    }

    @Override
    public String toString() {
      return s.substring(from, to);
    }
  }
}
