package io.rampart.dlp;

import java.util.Locale;

/** How sure a detector is that a finding is real; ordered low to high. */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  /** Computed once: id() is called per finding written (jsonl, json, sarif, text). */
  private final String id = name().toLowerCase(Locale.ROOT);

  /** Maps a score in [0, 1] to a confidence level. */
  public static Confidence ofScore(double score) {
    if (score >= 0.75) {
      return HIGH;
    }
    return score >= 0.45 ? MEDIUM : LOW;
  }

  /** Parses {@code low|medium|high}, case-insensitive. */
  public static Confidence parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "low" -> LOW;
      case "medium" -> MEDIUM;
      case "high" -> HIGH;
      default -> throw new DlpException("confidence: " + value + " (expected: low|medium|high)");
    };
  }

  /** The lower-case name used in YAML, JSON and the command line. */
  public String id() {
    return id;
  }
}
