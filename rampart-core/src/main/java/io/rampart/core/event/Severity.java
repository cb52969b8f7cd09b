package io.rampart.core.event;

import java.util.Locale;

/** How much an event matters, ordered from least to most. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Lower-case name used in JSON, YAML and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info|low|medium|high|critical}, case-insensitively. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "severity: " + text + " (expected: info, low, medium, high or critical)");
  }
}
