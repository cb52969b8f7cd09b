package io.rampart.cli;

import java.util.Arrays;
import java.util.Locale;

/** Validates {@code --format} values with the usual error message. */
final class Formats {
  private Formats() {}

  static String of(String given, String... allowed) {
    String f = given.strip().toLowerCase(Locale.ROOT);
    if (Arrays.asList(allowed).contains(f)) {
      return f;
    }
    throw new IllegalArgumentException(
        "format: " + given + " (expected: " + String.join(", ", allowed) + ")");
  }
}
