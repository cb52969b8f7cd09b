package io.rampart.server;

import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import java.io.OutputStream;
import java.util.Set;

/**
 * Writes the events matching a query in a bulk format for {@code GET /api/events/export}. The
 * application wires in the core exporter (JSON Lines and OCSF); {@link #jsonl()} is the built-in
 * fallback. Implementations stream via {@link EventLog#forEach} and wrap I/O failures in {@link
 * java.io.UncheckedIOException}.
 */
public interface EventExporter {

  /** Format names accepted in {@code ?format=}, such as {@code jsonl} and {@code ocsf}. */
  Set<String> formats();

  /** The response content type for {@code format}. */
  String contentType(String format);

  /** Writes every event matching {@code query}; does not close {@code out}. */
  void write(String format, EventLog log, EventQuery query, OutputStream out);

  /** JSON Lines only: one API-shaped event object per line. */
  static EventExporter jsonl() {
    return JsonlEventExporter.create();
  }
}
