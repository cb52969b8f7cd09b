package io.rampart.core.inventory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stored AI asset inventory and assessment runs. A run is {@link #start started}, then
 * {@link #complete completed} with what its scan saw (or {@link #fail failed}); completing
 * updates the inventory and stores the run's findings with their status versus the previous
 * succeeded run of the same scope, in one transaction. Thread-safe.
 */
public interface InventoryStore {

  /** Scope used for runs not started by a schedule. */
  String MANUAL_SCOPE = "manual";

  /**
   * Records a new running assessment.
   *
   * @param scope a schedule's name, or {@link #MANUAL_SCOPE}
   * @param sources paths the run scans
   * @param sourceKind the source kind it is restricted to, or "" for auto-detection
   */
  AssessmentRun start(String scope, List<String> sources, String sourceKind);

  /**
   * Completes a running assessment: stores its findings (new, open, and resolved ones copied
   * from the previous run of the scope), updates first/last seen, marks assets of the scope
   * that were not seen as missing, replaces the relationships of the assets seen.
   *
   * @throws IllegalArgumentException when {@code id} is unknown or not running
   */
  RunResult complete(String id, RunInput input);

  /** Marks a running assessment failed, with a one-line reason. */
  AssessmentRun fail(String id, String message);

  /**
   * Marks every assessment still running that started before {@code before} as failed with
   * {@code message}: runs a stopped process left behind. Returns how many there were.
   */
  int failRunningBefore(java.time.Instant before, String message);

  Optional<AssessmentRun> assessment(String id);

  /** Assessments newest first; {@code cursor} is "" for the first page. */
  Page<AssessmentRun> assessments(int limit, String cursor);

  /** The latest succeeded run of {@code scope}. */
  Optional<AssessmentRun> latest(String scope);

  Page<AssetRecord> assets(AssetQuery query);

  Optional<AssetRecord> asset(String id);

  /** Relationships leaving or reaching {@code assetId}. */
  List<AssetLink> links(String assetId);

  /** Every stored asset in ID order, streamed (export). */
  void forEachAsset(boolean includeMissing, Consumer<AssetRecord> sink);

  /** Every stored relationship. */
  List<AssetLink> links();

  Page<StoredFinding> findings(FindingQuery query);
}
