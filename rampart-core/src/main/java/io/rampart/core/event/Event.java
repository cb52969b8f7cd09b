package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A security event as stored in the {@link EventLog}: immutable once written.
 *
 * @param id unique, assigned by the log; ids sort in append order
 * @param time when the log accepted the event (from the log's clock)
 */
public record Event(
    String id,
    Instant time,
    String type,
    Severity severity,
    String principal,
    String asset,
    Outcome outcome,
    Map<String, Object> attributes,
    List<String> references) {

  public Event {
    requireNonNull(id, "id");
    requireNonNull(time, "time");
    requireNonNull(type, "type");
    requireNonNull(severity, "severity");
    requireNonNull(principal, "principal");
    requireNonNull(asset, "asset");
    requireNonNull(outcome, "outcome");
    attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
    references = List.copyOf(requireNonNull(references, "references"));
  }

  /** The stored event for {@code draft} with the given id and time. */
  public static Event of(String id, Instant time, EventDraft draft) {
    return new Event(
        id,
        time,
        draft.type(),
        draft.severity(),
        draft.principal(),
        draft.asset(),
        draft.outcome(),
        draft.attributes(),
        draft.references());
  }
}
