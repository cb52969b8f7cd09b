package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import io.rampart.core.event.EventDraft;
import io.rampart.core.inventory.AssessmentRun;
import io.rampart.core.inventory.InventoryStore;
import io.rampart.core.inventory.RunResult;
import io.rampart.discovery.Discovery;
import io.rampart.discovery.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stored assessments: discovers the plan's sources, evaluates the rules, stores the run through
 * {@link InventoryStore} (new/resolved findings, inventory update) and appends {@code
 * scan.finding} and {@code inventory.changed} events ({@link RunEvents}). A run that cannot
 * complete is stored as failed with its reason and a {@code scan.failed} event. Thread-safe;
 * the caller decides on which thread a run happens.
 */
public final class AssessmentService {
  private final InventoryStore store;
  private final EventLog events;
  private final Discovery discovery;
  private final RiskCatalog catalog;

  private AssessmentService(InventoryStore store, EventLog events, Discovery discovery,
      RiskCatalog catalog) {
    this.store = store;
    this.events = events;
    this.discovery = discovery;
    this.catalog = catalog;
  }

  public static AssessmentService create(InventoryStore store, EventLog events,
      Discovery discovery, RiskCatalog catalog) {
    return new AssessmentService(requireNonNull(store, "store"), requireNonNull(events, "events"),
        requireNonNull(discovery, "discovery"), requireNonNull(catalog, "catalog"));
  }

  public InventoryStore store() {
    return store;
  }

  /** Records the plan as a running assessment; {@link #execute} does the work. */
  public AssessmentRun start(AssessmentPlan plan) {
    requireNonNull(plan, "plan");
    return store.start(plan.scope(), plan.sources().stream().map(Path::toString).toList(),
        plan.sourceKind().map(k -> k.id()).orElse(""));
  }

  /** Starts and executes the plan on the calling thread. */
  public RunResult run(AssessmentPlan plan) {
    return execute(start(plan), plan);
  }

  /**
   * Scans, assesses and completes {@code running}.
   *
   * @throws PostureException after storing the run as failed, when no source exists or the
   *     rules cannot be loaded or the scan fails
   */
  public RunResult execute(AssessmentRun running, AssessmentPlan plan) {
    requireNonNull(running, "running");
    requireNonNull(plan, "plan");
    Assessment assessment;
    try {
      List<Path> existing = plan.sources().stream().filter(Files::exists).toList();
      if (existing.isEmpty()) {
        throw new PostureException("sources: " + plan.sources()
            + " (expected: at least one existing file or directory)");
      }
      RuleSet rules = RuleSet.load(catalog, plan.ruleFiles());
      Inventory inventory = discovery.scan(existing, plan.sourceKind());
      assessment = PostureEngine.create(rules).assess(inventory);
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      AssessmentRun failed = store.fail(running.id(), reason);
      events.append(EventDraft.builder("scan.failed").severity(Severity.LOW)
          .outcome(Outcome.FAILURE).attribute("assessment", failed.id())
          .attribute("scope", failed.scope()).attribute("reason", failed.message().orElse(""))
          .build());
      throw e instanceof PostureException p ? p
          : new PostureException("assessment " + running.id() + ": " + reason, e);
    }
    RunResult result = store.complete(running.id(), InventoryRecords.input(assessment));
    events.appendAll(RunEvents.drafts(result));
    return result;
  }
}
