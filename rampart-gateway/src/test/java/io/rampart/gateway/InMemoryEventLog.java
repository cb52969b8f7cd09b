package io.rampart.gateway;

import io.rampart.core.event.Event;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventPage;
import io.rampart.core.event.EventQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** An {@link EventLog} in a list; {@link #await} waits (without sleeping) for appends. */
class InMemoryEventLog implements EventLog {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized Event append(EventDraft draft) {
    Event e = Event.of("e%08d".formatted(events.size() + 1), Instant.EPOCH, draft);
    events.add(e);
    notifyAll();
    return e;
  }

  /**
   * The first {@code n} {@code gateway.request} events, waiting up to five seconds for them to be
   * appended.
   */
  synchronized List<Event> await(int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (requests().size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " events, got " + requests().size());
      }
      wait(left / 1_000_000 + 1);
    }
    return requests().subList(0, n);
  }

  private List<Event> requests() {
    return events.stream().filter(e -> e.type().equals("gateway.request")).toList();
  }

  synchronized List<Event> all() {
    return List.copyOf(events);
  }

  @Override
  public List<Event> appendAll(List<EventDraft> drafts) {
    return drafts.stream().map(this::append).toList();
  }

  @Override
  public synchronized EventPage query(EventQuery query) {
    throw new UnsupportedOperationException("query");
  }

  @Override
  public void forEach(EventQuery query, Consumer<Event> sink) {
    all().forEach(sink);
  }

  @Override
  public long purgeOlderThan(Instant cutoff) {
    return 0;
  }

  @Override
  public void close() {}
}
