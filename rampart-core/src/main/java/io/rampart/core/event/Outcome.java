package io.rampart.core.event;

import java.util.Locale;

/** What happened as a result of the action an event records. */
public enum Outcome {
  /** An operation completed (a scan ran, a token was created). */
  SUCCESS,
  /** An operation failed (upstream error, bad input). */
  FAILURE,
  /** A policy decision let traffic through unchanged. */
  ALLOWED,
  /** A policy decision stopped traffic. */
  BLOCKED,
  /** A policy decision let traffic through after changing it (redaction, pseudonymisation). */
  REDACTED,
  /** A detector or rule found something; no enforcement applied. */
  DETECTED,
  UNKNOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Outcome parse(String text) {
    for (Outcome o : values()) {
      if (o.name().equalsIgnoreCase(text.strip())) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "outcome: " + text
            + " (expected: success, failure, allowed, blocked, redacted, detected or unknown)");
  }
}
