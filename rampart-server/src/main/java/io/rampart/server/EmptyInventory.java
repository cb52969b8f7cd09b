package io.rampart.server;

import io.rampart.core.inventory.AssessmentRun;
import io.rampart.core.inventory.AssetLink;
import io.rampart.core.inventory.AssetQuery;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.FindingQuery;
import io.rampart.core.inventory.InventoryStore;
import io.rampart.core.inventory.Page;
import io.rampart.core.inventory.RunInput;
import io.rampart.core.inventory.RunResult;
import io.rampart.core.inventory.StoredFinding;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The inventory of a server built without one: empty, and refusing runs. The routes stay
 * registered so that the API (and its authorization) is the same in every configuration.
 */
final class EmptyInventory implements InventoryStore {
  @Override
  public AssessmentRun start(String scope, List<String> sources, String sourceKind) {
    throw new IllegalStateException("inventory: none (expected: a server with storage)");
  }

  @Override
  public RunResult complete(String id, RunInput input) {
    throw new IllegalArgumentException("assessment: " + id + " (expected: a running assessment)");
  }

  @Override
  public AssessmentRun fail(String id, String message) {
    throw new IllegalArgumentException("assessment: " + id + " (expected: a running assessment)");
  }

  @Override
  public int failRunningBefore(java.time.Instant before, String message) {
    return 0;
  }

  @Override
  public Optional<AssessmentRun> assessment(String id) {
    return Optional.empty();
  }

  @Override
  public Page<AssessmentRun> assessments(int limit, String cursor) {
    return new Page<>(List.of(), Optional.empty());
  }

  @Override
  public Optional<AssessmentRun> latest(String scope) {
    return Optional.empty();
  }

  @Override
  public Page<AssetRecord> assets(AssetQuery query) {
    return new Page<>(List.of(), Optional.empty());
  }

  @Override
  public Optional<AssetRecord> asset(String id) {
    return Optional.empty();
  }

  @Override
  public List<AssetLink> links(String assetId) {
    return List.of();
  }

  @Override
  public void forEachAsset(boolean includeMissing, Consumer<AssetRecord> sink) {
    // nothing stored
  }

  @Override
  public List<AssetLink> links() {
    return List.of();
  }

  @Override
  public Page<StoredFinding> findings(FindingQuery query) {
    return new Page<>(List.of(), Optional.empty());
  }
}
