package io.rampart.mcp;

import java.util.Locale;

/** Output formats of {@code rampart mcp scan}. */
public enum ReportFormat {
  TEXT,
  JSON,
  /** SARIF 2.1.0, as GitHub code scanning accepts it. */
  SARIF;

  /** Parses {@code text|json|sarif}, case-insensitively. */
  public static ReportFormat parse(String text) {
    for (ReportFormat f : values()) {
      if (f.name().equalsIgnoreCase(text.strip())) {
        return f;
      }
    }
    throw new McpException("format: " + text + " (expected: text, json or sarif)");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
