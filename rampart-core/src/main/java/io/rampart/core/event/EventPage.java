package io.rampart.core.event;

import java.util.List;
import java.util.Optional;

/**
 * One page of query results, newest first, and the cursor for the next page (empty on the
 * last page).
 */
public record EventPage(List<Event> events, String next) {
  public EventPage {
    events = List.copyOf(events);
  }

  public Optional<String> nextCursor() {
    return next.isEmpty() ? Optional.empty() : Optional.of(next);
  }
}
