package io.rampart.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** An {@link EventLog} in a list; {@link #await} waits (without sleeping) for appends. */
public class InMemoryEventLog implements EventLog {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized Event append(EventDraft draft) {
    Event e = Event.of("e%08d".formatted(events.size() + 1), Instant.EPOCH, draft);
    events.add(e);
    notifyAll();
    return e;
  }

  /** The first {@code n} events of {@code type}, waiting up to five seconds for them. */
  public synchronized List<Event> await(String type, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (of(type).size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " " + type + " events, got " + of(type));
      }
      wait(left / 1_000_000 + 1);
    }
    return of(type).subList(0, n);
  }

  /** The first event of {@code type} that {@code match} accepts, waiting up to five seconds. */
  public synchronized Event awaitFirst(String type, java.util.function.Predicate<Event> match)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      java.util.Optional<Event> found = of(type).stream().filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected a matching " + type + " event, got " + of(type));
      }
      wait(left / 1_000_000 + 1);
    }
  }

  public synchronized List<Event> of(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  /** Every event appended so far. */
  public synchronized List<Event> all() {
    return List.copyOf(events);
  }

  @Override
  public synchronized List<Event> appendAll(List<EventDraft> drafts) {
    return drafts.stream().map(this::append).toList();
  }

  @Override
  public EventPage query(EventQuery query) {
    throw new UnsupportedOperationException("query");
  }

  @Override
  public synchronized void forEach(EventQuery query, Consumer<Event> sink) {
    List.copyOf(events).forEach(sink);
  }

  @Override
  public long purgeOlderThan(Instant cutoff) {
    return 0;
  }

  @Override
  public void close() {}
}
