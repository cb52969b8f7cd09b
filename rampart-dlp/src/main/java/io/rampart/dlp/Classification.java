package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The label assigned to a text and why.
 *
 * @param label the most sensitive label any rule assigned, or {@code public}
 * @param reasons one line per rule that fired, e.g. "2 x CREDIT_CARD >= medium"
 * @param counts findings per type
 */
public record Classification(SensitivityLabel label, List<String> reasons, Map<String, Integer> counts) {
  public Classification {
    requireNonNull(label, "label");
    reasons = List.copyOf(reasons);
    counts = Map.copyOf(counts);
  }
}
