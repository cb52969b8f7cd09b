package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A completed run and what changed since the previous run of its scope.
 *
 * @param newFindings findings absent from the previous run
 * @param resolvedFindings findings of the previous run that are gone
 * @param added IDs of assets never seen before
 * @param changed IDs of known assets whose description or properties changed
 * @param reappeared IDs of assets that were missing and are back
 * @param missing IDs of assets of this scope that this run no longer saw
 */
public record RunResult(AssessmentRun run, List<FindingRecord> newFindings,
    List<FindingRecord> resolvedFindings, List<String> added, List<String> changed,
    List<String> reappeared, List<String> missing) {
  public RunResult {
    requireNonNull(run, "run");
    newFindings = List.copyOf(newFindings);
    resolvedFindings = List.copyOf(resolvedFindings);
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    reappeared = List.copyOf(reappeared);
    missing = List.copyOf(missing);
  }

  /** Whether the inventory changed at all. */
  public boolean inventoryChanged() {
    return !added.isEmpty() || !changed.isEmpty() || !reappeared.isEmpty() || !missing.isEmpty();
  }
}
