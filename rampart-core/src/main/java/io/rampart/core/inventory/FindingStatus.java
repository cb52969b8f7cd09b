package io.rampart.core.inventory;

import java.util.Locale;

/** A stored finding compared with the previous run of the same scope. */
public enum FindingStatus {
  /** Not in the previous run. */
  NEW,
  /** In the previous run too. */
  OPEN,
  /** In the previous run, gone in this one. */
  RESOLVED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FindingStatus parse(String text) {
    for (FindingStatus s : values()) {
      if (s.name().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("status: " + text + " (expected: new, open or resolved)");
  }
}
