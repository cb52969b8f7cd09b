package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One dispatched server-sent event.
 *
 * @param event the event type, {@code message} when the stream named none
 * @param data the data lines joined with {@code \n}
 * @param id the last event ID in effect when the event was dispatched (it persists across events,
 *     as the WHATWG spec says), empty when none was ever set
 * @param retry a reconnection time in milliseconds seen since the previous event, if any
 */
public record SseEvent(String event, String data, Optional<String> id, OptionalLong retry) {
  public SseEvent {
    requireNonNull(event, "event");
    requireNonNull(data, "data");
    requireNonNull(id, "id");
    requireNonNull(retry, "retry");
  }
}
