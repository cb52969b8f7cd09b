package io.rampart.mcp.gateway;

import io.rampart.core.event.AuditQueue;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one {@code mcp.request} event per call (who, which server, method, tool, decision) and
 * hands them to the {@link AuditQueue}, which commits them off the request path.
 */
final class McpEvents {
  private static final Logger LOG = LoggerFactory.getLogger(McpEvents.class);

  private McpEvents() {}

  /**
   * Submits the events of one reservation (see {@link AuditQueue#reserve}); a failure to build
   * them ends the reservation and is logged, never thrown at the request.
   */
  static void submit(AuditQueue audit, String principal, String server, int status,
      long startNanos, List<Call> calls) {
    List<EventDraft> drafts;
    try {
      drafts = drafts(principal, server, status, startNanos, calls);
    } catch (RuntimeException e) {
      audit.abandon();
      LOG.error("mcp.request events could not be built", e);
      return;
    }
    // empty for an accepted legacy POST: its messages are recorded when they are handled
    audit.submit(drafts);
  }

  static List<EventDraft> drafts(String principal, String server, int status,
      long startNanos, List<Call> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    double latencyMs = (System.nanoTime() - startNanos) / 1_000L / 1000.0;
    List<EventDraft> drafts = new ArrayList<>(calls.size());
    for (Call c : calls) {
      Outcome outcome = switch (c.decision) {
        case "blocked", "unauthenticated", "rate_limited", "shed" -> Outcome.BLOCKED;
        case "redacted" -> Outcome.REDACTED;
        case "allowed" -> Outcome.ALLOWED;
        default -> Outcome.FAILURE;
      };
      List<String> refs = new ArrayList<>();
      if (c.rules.stream().anyMatch(r -> r.startsWith("guard.") || r.equals("mcp.tool.poisoned"))) {
        refs.add("LLM01");
      }
      if (!c.findings.isEmpty()) {
        refs.add("LLM02");
      }
      if (c.rules.stream().anyMatch(r -> r.endsWith(".access"))) {
        refs.add("ASI02");
      }
      EventDraft.Builder b = EventDraft.builder("mcp.request")
          .severity(outcome == Outcome.BLOCKED && !c.decision.equals("unauthenticated")
              ? Severity.MEDIUM : c.failedOpen ? Severity.HIGH
              : outcome == Outcome.REDACTED ? Severity.LOW : Severity.INFO)
          .principal(principal)
          .asset(server.isEmpty() ? "" : "mcp-server:" + server)
          .outcome(outcome)
          .attribute("server", server)
          .attribute("method", c.method)
          .attribute("tool", c.method.equals("tools/call") ? c.target : "")
          .attribute("target", c.target)
          .attribute("decision", c.decision)
          .attribute("rules", List.copyOf(c.rules))
          .attribute("findings", Map.copyOf(c.findings))
          .attribute("finding_types", List.copyOf(c.findings.keySet()))
          .attribute("status", status)
          .attribute("latency_ms", latencyMs)
          .attribute("failed_open", c.failedOpen)
          .references(refs);
      if (!c.errorCode.isEmpty()) {
        b.attribute("error_code", c.errorCode);
      }
      if (c.dropped > 0) {
        b.attribute("dropped_notifications", c.dropped);
      }
      drafts.add(b.build());
    }
    return drafts;
  }
}
