package io.rampart.guard;

import static java.util.Objects.requireNonNull;

/**
 * Where a signal fired: offsets {@code [start, end)} in UTF-16 units of the inspected string of
 * {@code field} ({@code input} for prompts, {@code tools[2].description} for tool lists).
 *
 * @param rule the signature or detector that fired, e.g. {@code override.ignore-previous}
 * @param excerpt the triggering text (decoded when it was obfuscated), at most 120 characters
 */
public record Span(
    String field, int start, int end, String rule, Category category, String excerpt) {

  public Span {
    requireNonNull(field, "field");
    requireNonNull(rule, "rule");
    requireNonNull(category, "category");
    requireNonNull(excerpt, "excerpt");
    if (start < 0 || end < start) {
      throw new GuardException("span: [" + start + ", " + end + ") (expected: 0 <= start <= end)");
    }
    if (excerpt.length() > 120) {
      excerpt = excerpt.substring(0, 117) + "...";
    }
  }
}
