package io.rampart.core.event;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only, durable log that every Rampart capability writes its security events to.
 * Appends return only once the event is durable (committed to storage); concurrent appends are
 * grouped into one commit. Thread-safe.
 */
public interface EventLog extends AutoCloseable {

  /** Appends one event and returns it as stored, once durable. */
  Event append(EventDraft draft);

  /** Appends several events atomically, in order, once durable. */
  List<Event> appendAll(List<EventDraft> drafts);

  /** One page of events matching {@code query}, newest first. */
  EventPage query(EventQuery query);

  /**
   * Streams every event matching {@code query} (ignoring its limit and cursor), newest first,
   * without holding them all in memory.
   */
  void forEach(EventQuery query, Consumer<Event> sink);

  /** Deletes events older than {@code cutoff} (retention); returns how many were deleted. */
  long purgeOlderThan(Instant cutoff);

  @Override
  void close();
}
