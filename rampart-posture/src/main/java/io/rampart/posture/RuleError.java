package io.rampart.posture;

import static java.util.Objects.requireNonNull;

/** A rule whose condition failed to evaluate on some assets (no findings were made for them). */
public record RuleError(String rule, int assets, String message) {
  public RuleError {
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
  }
}
