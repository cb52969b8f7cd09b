package io.rampart.core.event;

import java.util.Locale;

/** How {@link EventExport} writes events: one JSON object per line either way. */
public enum ExportFormat {
  /** Rampart's own event shape, one object per line ({@code jsonl}). */
  JSON_LINES("jsonl"),
  /** OCSF 1.5 event classes, one object per line ({@code ocsf}); see {@link EventExport}. */
  OCSF("ocsf");

  private final String id;

  ExportFormat(String id) {
    this.id = id;
  }

  /** Name used on the command line and in the API. */
  public String id() {
    return id;
  }

  public static ExportFormat parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (f.id.equals(wanted) || f.name().equalsIgnoreCase(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("format: " + text + " (expected: jsonl or ocsf)");
  }
}
