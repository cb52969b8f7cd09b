package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental parser of a {@code text/event-stream} (WHATWG rules): feed bytes as they arrive,
 * in chunks of any size, and it hands each complete event to the sink. Lines end in LF, CR or
 * CRLF (also when CR and LF arrive in different chunks); lines are decoded as UTF-8 only once
 * complete, so a character split across chunks is safe. Comments and {@code id}/{@code retry}
 * fields are dropped. Not thread-safe: one parser per stream.
 */
final class SseParser {
  /** Lines longer than this end the stream as malformed rather than growing without bound. */
  static final int MAX_LINE = 8 * 1024 * 1024;

  private final Consumer<SseEvent> sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final StringBuilder data = new StringBuilder();
  private String event = "";
  private boolean hasData;
  private boolean lastWasCr;

  SseParser(Consumer<SseEvent> sink) {
    this.sink = requireNonNull(sink, "sink");
  }

  void feed(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '\n' && lastWasCr) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = b == '\r';
      if (b == '\n' || b == '\r') {
        endLine();
      } else {
        if (line.size() >= MAX_LINE) {
          throw new GatewayException("sse line: longer than " + MAX_LINE
              + " bytes (expected: a well-formed event stream)");
        }
        line.write(b);
      }
    }
  }

  /** Ends the stream: an event without its final blank line is discarded, as the spec says. */
  void finish() {
    line.reset();
    data.setLength(0);
    hasData = false;
    event = "";
  }

  private void endLine() {
    if (line.size() == 0) {
      dispatch();
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.charAt(0) == ':') {
      return;
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> event = value;
      default -> {
        // id, retry and unknown fields carry nothing the gateway inspects
      }
    }
  }

  private void dispatch() {
    if (hasData) {
      sink.accept(new SseEvent(event, data.toString()));
    }
    data.setLength(0);
    hasData = false;
    event = "";
  }
}
