package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.discovery.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a stored assessment scans: a scope (a schedule's name, or {@code manual}), paths, an
 * optional source kind and user rule files added to the built-in rules.
 */
public record AssessmentPlan(String scope, List<Path> sources, Optional<SourceKind> sourceKind,
    List<Path> ruleFiles) {
  public AssessmentPlan {
    requireNonNull(scope, "scope");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new PostureException("sources: none (expected: at least one file or directory)");
    }
    requireNonNull(sourceKind, "sourceKind");
    ruleFiles = List.copyOf(ruleFiles);
  }
}
