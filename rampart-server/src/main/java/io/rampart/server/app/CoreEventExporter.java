package io.rampart.server.app;

import io.rampart.core.event.EventExport;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.ExportFormat;
import io.rampart.server.EventExporter;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Serves {@code /api/events/export} with the core's JSON Lines and OCSF writers. */
final class CoreEventExporter implements EventExporter {
  private static final Set<String> FORMATS = new LinkedHashSet<>(
      Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList());

  @Override
  public Set<String> formats() {
    return FORMATS;
  }

  @Override
  public String contentType(String format) {
    return "application/x-ndjson";
  }

  @Override
  public void write(String format, EventLog log, EventQuery query, OutputStream out) {
    try (EventExport export = EventExport.create(ExportFormat.parse(format), out)) {
      log.forEach(query, export::write);
    }
  }
}
