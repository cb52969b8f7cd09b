package io.rampart.posture;

import io.rampart.core.event.EventDraft;
import io.rampart.core.event.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an assessment into event-log drafts: one {@code scan.finding} per finding and one
 * {@code scan.attack-path} per attack path, outcome {@code DETECTED}. Attributes hold IDs,
 * scores and locations only, never property values (which may be sensitive).
 */
public final class FindingEvents {
  private FindingEvents() {}

  public static List<EventDraft> drafts(Assessment assessment) {
    List<EventDraft> out = new ArrayList<>();
    for (Finding f : assessment.findings()) {
      EventDraft.Builder b = EventDraft.builder("scan.finding").severity(f.severity())
          .asset(f.asset()).outcome(Outcome.DETECTED).references(f.references())
          .attribute("rule", f.rule()).attribute("title", f.title())
          .attribute("score", f.score());
      f.location().ifPresent(l -> {
        b.attribute("path", l.path());
        if (l.line() > 0) {
          b.attribute("line", l.line());
        }
      });
      out.add(b.build());
    }
    for (AttackPath p : assessment.attackPaths()) {
      out.add(EventDraft.builder("scan.attack-path").severity(p.severity())
          .asset(p.assets().getFirst()).outcome(Outcome.DETECTED)
          .attribute("path", p.id()).attribute("title", p.title())
          .attribute("assets", p.assets()).attribute("rules", p.findings())
          .attribute("score", p.score()).build());
    }
    return out;
  }
}
