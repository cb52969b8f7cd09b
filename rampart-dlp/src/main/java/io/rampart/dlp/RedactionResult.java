package io.rampart.dlp;

import java.util.Set;

/** Outcome of a redaction: the safe text, or a refusal when a blocking type was found. */
public sealed interface RedactionResult {
  /** The text with every finding replaced; {@code replaced} counts the findings. */
  record Redacted(String text, int replaced) implements RedactionResult {}

  /** Nothing may be passed on: findings of these types carry the block action. */
  record Blocked(Set<String> types) implements RedactionResult {
    public Blocked {
      types = Set.copyOf(types);
    }
  }
}
