package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Assigns {@code label} when at least {@code minCount} findings of the given types (any type when
 * empty) reach {@code minConfidence}.
 *
 * @param label label this rule assigns
 * @param types finding types counted; empty means every type
 * @param minConfidence least confidence a finding needs to count
 * @param minCount how many counted findings trigger the rule
 */
public record ClassificationRule(
    SensitivityLabel label, Set<String> types, Confidence minConfidence, int minCount) {
  public ClassificationRule {
    requireNonNull(label, "label");
    types = Set.copyOf(types);
    requireNonNull(minConfidence, "minConfidence");
    if (minCount < 1) {
      throw new DlpException("min-count: " + minCount + " (expected: >= 1)");
    }
  }
}
