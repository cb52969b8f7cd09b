package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored assessment run.
 *
 * @param id time-ordered ID
 * @param scope what was assessed: a schedule's name, or {@code manual}
 * @param sources the paths scanned
 * @param sourceKind the source kind the scan was restricted to, if any
 * @param counts what the run found; zero while running or when failed
 * @param message why it failed, when it did
 */
public record AssessmentRun(String id, String scope, AssessmentStatus status, Instant started,
    Optional<Instant> finished, List<String> sources, Optional<String> sourceKind, Counts counts,
    Optional<String> message) {
  public AssessmentRun {
    requireNonNull(id, "id");
    requireNonNull(scope, "scope");
    requireNonNull(status, "status");
    requireNonNull(started, "started");
    requireNonNull(finished, "finished");
    sources = List.copyOf(sources);
    requireNonNull(sourceKind, "sourceKind");
    requireNonNull(counts, "counts");
    requireNonNull(message, "message");
  }

  /** The numbers of a run. */
  public record Counts(int assets, int findings, int newFindings, int resolvedFindings,
      int attackPaths, int errors, int estateScore) {
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);
  }
}
