package io.rampart.posture;

import java.util.Locale;

/** Output formats of {@code rampart scan --format}. */
public enum ReportFormat {
  TEXT,
  JSON,
  SARIF,
  HTML,
  CSV,
  /** CycloneDX 1.6 JSON AI-BOM of the inventory. */
  CYCLONEDX;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReportFormat parse(String text) {
    for (ReportFormat f : values()) {
      if (f.id().equalsIgnoreCase(text.strip())) {
        return f;
      }
    }
    throw new PostureException(
        "format: " + text + " (expected: text, json, sarif, html, csv or cyclonedx)");
  }
}
