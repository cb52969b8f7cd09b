package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import io.rampart.guard.Category;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Verdict;
import io.rampart.mcp.PinComparison;
import io.rampart.mcp.ToolPin;
import io.rampart.mcp.ToolPinStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool pinning and poisoning for listed tools, and the check a {@code tools/call} must pass.
 * Each listed tool is hashed ({@link ToolPin}); a tool never seen is pinned, one whose hash
 * differs from its pin is recorded as pending and hidden until approved; the guard's
 * tool-poisoning analysis runs once per definition. What was listed last is remembered per
 * server, so a call can only reach a tool whose current definition is approved and clean. Any
 * failure of the store or the guard hides or refuses (fail closed).
 */
final class ToolGate {
  private static final Logger LOG = LoggerFactory.getLogger(ToolGate.class);

  /** Why a tool may not be used; empty reason means it may. */
  record Status(Optional<String> rule, String message) {
    static final Status OK = new Status(Optional.empty(), "");

    boolean allowed() {
      return rule.isEmpty();
    }
  }

  private record Seen(ToolPin pin, boolean poisoned) {}

  private final ToolPinStore pins;
  private final GuardEngine guard;
  private final EventLog events;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Seen>> seen =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> poisonCache = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  // Definitions found approved in the store, until when that answer is reused. A store lookup
  // per tools/call was a third of the MCP gateway's added latency with the embedded database.
  // Only approvals are remembered: a refusal is looked up again on every call, so an approval
  // (here or by `rampart mcp approve` in another process) applies to the next call. What can
  // go stale is an approval withdrawn elsewhere (a pin removed or replaced), for at most
  // APPROVAL_TTL; a change of the tool itself is seen at its next listing, as before.
  static final Duration APPROVAL_TTL = Duration.ofSeconds(2);
  private static final int MAX_APPROVALS = 10_000;
  private final ConcurrentHashMap<ToolPin, Instant> approvedUntil = new ConcurrentHashMap<>();
  private final Clock clock;

  ToolGate(ToolPinStore pins, GuardEngine guard, EventLog events, Clock clock) {
    this.pins = requireNonNull(pins, "pins");
    this.guard = requireNonNull(guard, "guard");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Judges one element of a {@code tools/list} result and remembers it for later calls. */
  Status listed(McpServerConfig server, JsonNode tool, String principal) {
    ToolPin pin;
    try {
      pin = ToolPin.of(server.name(), tool);
    } catch (RuntimeException e) {
      return new Status(Optional.of("mcp.tool.invalid"), "tool definition is malformed");
    }
    boolean poisoned = server.policy().blockPoisoned() && poisoned(pin, tool);
    seen.computeIfAbsent(server.name(), k -> new ConcurrentHashMap<>())
        .put(pin.tool(), new Seen(pin, poisoned));
    if (poisoned) {
      report("mcp.tool.poisoned", pin, principal, List.of());
      return new Status(Optional.of("mcp.tool.poisoned"), "tool " + pin.tool()
          + " is blocked: its definition looks poisoned");
    }
    if (!server.policy().pinTools()) {
      return Status.OK;
    }
    try {
      PinComparison c = pins.compare(pin);
      switch (c) {
        case PinComparison.New n -> {
          if (!pins.putIfAbsent(pin) && !pins.compare(pin).getClass().equals(
              PinComparison.Unchanged.class)) {
            return changed(pin);
          }
          return Status.OK;
        }
        case PinComparison.Unchanged u -> {
          return Status.OK;
        }
        case PinComparison.Changed ch -> {
          if (!pins.pending(pin.server(), pin.tool()).map(p -> p.sha256().equals(pin.sha256()))
              .orElse(false)) {
            pins.markPending(pin);
          }
          report("mcp.tool.changed", pin, principal, ch.changedFields());
          return changed(pin);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("tool pin store failed for {}/{}", pin.server(), pin.tool(), e);
      return new Status(Optional.of("mcp.tool.pin-store-failure"), "tool " + pin.tool()
          + " is blocked: its pin could not be checked");
    }
  }

  private static Status changed(ToolPin pin) {
    return new Status(Optional.of("mcp.tool.changed"), "tool " + pin.tool() + " is blocked: its "
        + "definition changed since it was approved (rampart mcp approve --server "
        + pin.server() + " --tool " + pin.tool() + ")");
  }

  /** Whether a call of {@code tool} may go ahead, judged on its last listed definition. */
  Status callable(McpServerConfig server, String tool) {
    Seen s = seen.getOrDefault(server.name(), new ConcurrentHashMap<>()).get(tool);
    if (s == null) {
      return new Status(Optional.of("mcp.tool.unlisted"), "tool " + tool
          + " is unknown to the gateway: call tools/list first");
    }
    if (s.poisoned()) {
      return new Status(Optional.of("mcp.tool.poisoned"), "tool " + tool
          + " is blocked: its definition looks poisoned");
    }
    if (!server.policy().pinTools()) {
      return Status.OK;
    }
    Instant now = clock.instant();
    Instant until = approvedUntil.get(s.pin());
    if (until != null && now.isBefore(until)) {
      return Status.OK;
    }
    try {
      boolean approved = pins.find(server.name(), tool)
          .map(p -> p.sha256().equals(s.pin().sha256())).orElse(false);
      if (!approved) {
        approvedUntil.remove(s.pin());
        return changed(s.pin());
      }
      if (approvedUntil.size() >= MAX_APPROVALS) {
        approvedUntil.clear();
      }
      approvedUntil.put(s.pin(), now.plus(APPROVAL_TTL));
      return Status.OK;
    } catch (RuntimeException e) {
      LOG.error("tool pin store failed for {}/{}", server.name(), tool, e);
      return new Status(Optional.of("mcp.tool.pin-store-failure"), "tool " + tool
          + " is blocked: its pin could not be checked");
    }
  }

  private boolean poisoned(ToolPin pin, JsonNode tool) {
    Boolean cached = poisonCache.get(pin.sha256());
    if (cached != null) {
      return cached;
    }
    try {
      Verdict v = guard.inspectTools(JsonNodeFactory.instance.arrayNode().add(tool));
      boolean p = requireNonNull(v, "verdict").blocked();
      if (poisonCache.size() < 100_000) {
        poisonCache.put(pin.sha256(), p);
      }
      if (p) {
        LOG.warn("tool {}/{} looks poisoned: {}", pin.server(), pin.tool(),
            v.categories().stream().map(Category::wireName).toList());
      }
      return p;
    } catch (RuntimeException e) {
      LOG.error("tool-poisoning analysis failed for {}/{}", pin.server(), pin.tool(), e);
      return true; // fail closed, and not cached: the next listing tries again
    }
  }

  private void report(String type, ToolPin pin, String principal, List<String> fields) {
    if (!reported.add(type + "|" + pin.server() + "|" + pin.tool() + "|" + pin.sha256())) {
      return;
    }
    try {
      events.append(EventDraft.builder(type)
          .severity(Severity.HIGH)
          .principal(principal)
          .asset("mcp-server:" + pin.server())
          .outcome(Outcome.BLOCKED)
          .attribute("server", pin.server())
          .attribute("tool", pin.tool())
          .attribute("sha256", pin.sha256())
          .attribute("changed_fields", fields)
          .references(type.equals("mcp.tool.poisoned") ? List.of("LLM01", "ASI02")
              : List.of("ASI04", "LLM03"))
          .build());
    } catch (RuntimeException e) {
      LOG.error("{} event could not be written", type, e);
    }
  }
}
