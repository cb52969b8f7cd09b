package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

/** A finding of one assessment run with its status versus the previous run. */
public record StoredFinding(String assessment, String fingerprint, FindingStatus status,
    FindingRecord finding) {
  public StoredFinding {
    requireNonNull(assessment, "assessment");
    requireNonNull(fingerprint, "fingerprint");
    requireNonNull(status, "status");
    requireNonNull(finding, "finding");
  }
}
