package io.rampart.server;

import io.rampart.core.event.Event;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventPage;
import io.rampart.core.event.EventQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** An {@link EventLog} in a list: ids sort in append order, cursors are the last id shown. */
final class InMemoryEventLog implements EventLog {
  private final Clock clock;
  private final List<Event> events = new ArrayList<>();
  private volatile boolean failing;

  InMemoryEventLog(Clock clock) {
    this.clock = clock;
  }

  /** Makes every later append throw, as a broken database would. */
  void failAppends(boolean failing) {
    this.failing = failing;
  }

  synchronized List<Event> all() {
    return List.copyOf(events);
  }

  @Override
  public synchronized Event append(EventDraft draft) {
    if (failing) {
      throw new IllegalStateException("storage: down (expected: a reachable database)");
    }
    Event event = Event.of("e%08d".formatted(events.size() + 1), clock.instant(), draft);
    events.add(event);
    return event;
  }

  @Override
  public synchronized List<Event> appendAll(List<EventDraft> drafts) {
    return drafts.stream().map(this::append).toList();
  }

  @Override
  public synchronized EventPage query(EventQuery query) {
    List<Event> matching = matching(query);
    if (query.cursor().isPresent()) {
      String cursor = query.cursor().get();
      if (!cursor.matches("e\\d{8}")) {
        throw new IllegalArgumentException(
            "cursor: " + cursor + " (expected: a cursor from a page)");
      }
      matching = matching.stream().filter(e -> e.id().compareTo(cursor) < 0).toList();
    }
    List<Event> page = matching.stream().limit(query.limit()).toList();
    String next = matching.size() > page.size() ? page.getLast().id() : "";
    return new EventPage(page, next);
  }

  @Override
  public void forEach(EventQuery query, Consumer<Event> sink) {
    List<Event> snapshot;
    synchronized (this) {
      snapshot = matching(query);
    }
    snapshot.forEach(sink);
  }

  @Override
  public synchronized long purgeOlderThan(Instant cutoff) {
    int before = events.size();
    events.removeIf(e -> e.time().isBefore(cutoff));
    return before - events.size();
  }

  @Override
  public void close() {}

  private List<Event> matching(EventQuery q) {
    return events.stream()
        .filter(e -> q.types().isEmpty() || q.types().contains(e.type()))
        .filter(e -> q.severities().isEmpty() || q.severities().contains(e.severity()))
        .filter(e -> q.minSeverity().map(m -> e.severity().compareTo(m) >= 0).orElse(true))
        .filter(e -> q.principal().map(p -> p.equals(e.principal())).orElse(true))
        .filter(e -> q.from().map(f -> !e.time().isBefore(f)).orElse(true))
        .filter(e -> q.to().map(t -> e.time().isBefore(t)).orElse(true))
        .sorted(Comparator.comparing(Event::id).reversed())
        .toList();
  }
}
