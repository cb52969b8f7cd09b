package io.rampart.posture;

import io.rampart.core.event.EventDraft;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import io.rampart.core.inventory.FindingRecord;
import io.rampart.core.inventory.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a stored run: one {@code scan.finding} per new finding (outcome detected, the
 * rule's severity) and per resolved one (outcome success, severity info, the former severity
 * as an attribute), and one {@code inventory.changed} summarizing the inventory changes.
 * Findings still open are not repeated on every run. Attributes carry IDs, scores and
 * locations only, never property values, as in {@link FindingEvents}.
 */
public final class RunEvents {
  /** At most this many asset IDs per list in {@code inventory.changed}; counts are exact. */
  static final int MAX_IDS = 100;

  private RunEvents() {}

  public static List<EventDraft> drafts(RunResult result) {
    String run = result.run().id();
    String scope = result.run().scope();
    List<EventDraft> out = new ArrayList<>();
    if (result.inventoryChanged()) {
      out.add(EventDraft.builder("inventory.changed").outcome(Outcome.SUCCESS)
          .attribute("assessment", run).attribute("scope", scope)
          .attribute("added_count", result.added().size())
          .attribute("changed_count", result.changed().size())
          .attribute("reappeared_count", result.reappeared().size())
          .attribute("missing_count", result.missing().size())
          .attribute("added", head(result.added())).attribute("changed", head(result.changed()))
          .attribute("reappeared", head(result.reappeared()))
          .attribute("missing", head(result.missing())).build());
    }
    for (FindingRecord f : result.newFindings()) {
      out.add(finding(f, run, scope).severity(f.severity()).outcome(Outcome.DETECTED)
          .attribute("status", "new").build());
    }
    for (FindingRecord f : result.resolvedFindings()) {
      out.add(finding(f, run, scope).severity(Severity.INFO).outcome(Outcome.SUCCESS)
          .attribute("status", "resolved").attribute("previous_severity", f.severity().id())
          .build());
    }
    return out;
  }

  private static EventDraft.Builder finding(FindingRecord f, String run, String scope) {
    EventDraft.Builder b = EventDraft.builder("scan.finding").asset(f.asset())
        .references(f.references()).attribute("rule", f.rule()).attribute("title", f.title())
        .attribute("score", f.score()).attribute("fingerprint", f.fingerprint())
        .attribute("assessment", run).attribute("scope", scope);
    f.path().ifPresent(p -> b.attribute("path", p));
    if (f.line() > 0) {
      b.attribute("line", f.line());
    }
    return b;
  }

  private static List<String> head(List<String> ids) {
    return ids.size() <= MAX_IDS ? ids : ids.subList(0, MAX_IDS);
  }
}
