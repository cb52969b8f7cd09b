package io.rampart.core.inventory;

import java.util.Locale;

/** Where an assessment run stands. */
public enum AssessmentStatus {
  RUNNING,
  SUCCEEDED,
  FAILED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AssessmentStatus parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
