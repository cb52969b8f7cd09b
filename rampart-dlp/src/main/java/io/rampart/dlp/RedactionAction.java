package io.rampart.dlp;

import java.util.Locale;

/** What to do with a finding's value. */
public sealed interface RedactionAction {
  /** Replaces letters and digits with '*' except the last {@code keep}: "**** **** **** 1234". */
  record Mask(int keep) implements RedactionAction {
    public Mask {
      if (keep < 0 || keep > 8) {
        throw new DlpException("mask keep: " + keep + " (expected: 0..8)");
      }
    }
  }

  /** Replaces the value with {@code <TYPE>}. */
  record Replace() implements RedactionAction {}

  /** Replaces the value with a keyed HMAC-SHA256 digest: stable, not reversible. */
  record Hash() implements RedactionAction {}

  /** Replaces the value with a session token that {@link PseudonymSession#restore} reverses. */
  record Pseudonymize() implements RedactionAction {}

  /** Refuses the whole text. */
  record Block() implements RedactionAction {}

  /** Parses {@code mask|replace|hash|pseudonymize|block}; mask keeps the last 4. */
  static RedactionAction parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "mask" -> new Mask(4);
      case "replace" -> new Replace();
      case "hash" -> new Hash();
      case "pseudonymize" -> new Pseudonymize();
      case "block" -> new Block();
      default -> throw new DlpException(
          "action: " + name + " (expected: mask|replace|hash|pseudonymize|block)");
    };
  }

  /** Public parse for configuration and the command line. */
  static RedactionAction of(String name) {
    return parse(name);
  }
}
