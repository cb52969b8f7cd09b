package io.rampart.server.app;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Event;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventPage;
import io.rampart.core.event.EventQuery;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event log as the API reads it: before a query it lets writers that queue events off their
 * request path (the gateway's {@code gateway.request} events) write what they hold, so that a
 * caller who got an answer and then asks the API sees that request's event.
 */
final class ReadYourWritesEventLog implements EventLog {
  private final EventLog log;
  private final Runnable flush;

  ReadYourWritesEventLog(EventLog log, Runnable flush) {
    this.log = requireNonNull(log, "log");
    this.flush = requireNonNull(flush, "flush");
  }

  @Override
  public Event append(EventDraft draft) {
    return log.append(draft);
  }

  @Override
  public List<Event> appendAll(List<EventDraft> drafts) {
    return log.appendAll(drafts);
  }

  @Override
  public EventPage query(EventQuery query) {
    flush.run();
    return log.query(query);
  }

  @Override
  public void forEach(EventQuery query, Consumer<Event> sink) {
    flush.run();
    log.forEach(query, sink);
  }

  @Override
  public long purgeOlderThan(Instant cutoff) {
    return log.purgeOlderThan(cutoff);
  }

  /** The underlying log belongs to the services, which close it. */
  @Override
  public void close() {}
}
