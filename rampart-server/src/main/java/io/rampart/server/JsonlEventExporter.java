package io.rampart.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The built-in {@link EventExporter}: JSON Lines with the same event shape as the API. */
final class JsonlEventExporter implements EventExporter {
  private final ObjectMapper json = new ObjectMapper();

  private JsonlEventExporter() {}

  static JsonlEventExporter create() {
    return new JsonlEventExporter();
  }

  @Override
  public Set<String> formats() {
    return Set.of("jsonl");
  }

  @Override
  public String contentType(String format) {
    return "application/x-ndjson";
  }

  @Override
  public void write(String format, EventLog log, EventQuery query, OutputStream out) {
    requireNonNull(out, "out");
    if (!formats().contains(format)) {
      throw new IllegalArgumentException("format: " + format + " (expected: jsonl)");
    }
    log.forEach(query, event -> {
      try {
        // whole lines, no flush per event: the caller's stream decides when bytes go out
        out.write(json.writeValueAsBytes(EventJson.event(event)));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
