package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event: its {@code event:} name (empty for the default "message") and its data
 * lines joined with {@code \n}.
 */
record SseEvent(String event, String data) {
  public SseEvent {
    requireNonNull(event, "event");
    requireNonNull(data, "data");
  }

  /** A data-only event. */
  public static SseEvent data(String data) {
    return new SseEvent("", data);
  }

  /** The event in wire format, ending with the blank line that dispatches it. */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder(data.length() + event.length() + 16);
    if (!event.isEmpty()) {
      sb.append("event: ").append(event).append('\n');
    }
    for (String line : data.split("\n", -1)) {
      sb.append("data: ").append(line).append('\n');
    }
    return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }
}
