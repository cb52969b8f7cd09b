package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.Permission;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventPage;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code GET /api/events} (one page, newest first) and {@code GET /api/events/export}. */
final class EventRoutes {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9_.-]{1,200}");
  private static final String SEVERITIES = "info, low, medium, high or critical";
  private static final String[] FILTERS =
      {"type", "severity", "min-severity", "principal", "from", "to"};

  private final EventLog log;
  private final EventExporter exporter;

  EventRoutes(EventLog log, EventExporter exporter) {
    this.log = requireNonNull(log, "log");
    this.exporter = requireNonNull(exporter, "exporter");
  }

  List<Route> routes() {
    List<String> pageParams = new ArrayList<>(List.of(FILTERS));
    pageParams.addAll(List.of("cursor", "limit"));
    List<String> exportParams = new ArrayList<>(List.of(FILTERS));
    exportParams.add("format");
    return List.of(
        Route.of("GET", "/api/events", Access.permission(Permission.EVENTS_READ),
                "Query security events, newest first, one page at a time", this::page)
            .withQueryParams(pageParams.toArray(String[]::new)),
        Route.of("GET", "/api/events/export", Access.permission(Permission.EVENTS_EXPORT),
                "Export every matching event as a stream (format jsonl or ocsf)", this::export)
            .withQueryParams(exportParams.toArray(String[]::new)));
  }

  private Reply page(Call call) {
    EventQuery.Builder query = filters(call);
    call.queryParam("cursor").ifPresent(c -> query.cursor(requireCursor(c)));
    call.queryParam("limit").ifPresent(l -> query.limit(parseLimit(l)));
    EventPage page;
    try {
      page = log.query(build(query));
    } catch (IllegalArgumentException e) {
      // the log rejects cursors it did not issue with a field: value message, safe to return
      throw ApiException.badRequest(e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", page.events().stream().map(EventJson::event).toList());
    body.put("next_cursor", page.nextCursor().orElse(null));
    return Reply.json(body);
  }

  private Reply export(Call call) {
    String format = call.queryParam("format").orElse("jsonl").strip().toLowerCase(Locale.ROOT);
    if (!exporter.formats().contains(format)) {
      throw ApiException.badRequest("format: " + format + " (expected: one of "
          + String.join(", ", exporter.formats().stream().sorted().toList()) + ")");
    }
    EventQuery query = build(filters(call));
    String extension = format.equals("jsonl") ? "jsonl" : format + ".jsonl";
    return Reply.stream(exporter.contentType(format),
            out -> exporter.write(format, log, query, out))
        .withHeader("Content-Disposition",
            "attachment; filename=\"rampart-events." + extension + "\"");
  }

  private static EventQuery.Builder filters(Call call) {
    EventQuery.Builder query = EventQuery.builder();
    for (String type : commaSeparated(call.queryValues("type"))) {
      if (!TYPE.matcher(type).matches()) {
        throw ApiException.badRequest(
            "type: " + type + " (expected: dotted lower-case event types such as gateway.request)");
      }
      query.type(type);
    }
    for (String severity : commaSeparated(call.queryValues("severity"))) {
      query.severity(severity("severity", severity));
    }
    call.queryParam("min-severity").ifPresent(s -> query.minSeverity(severity("min-severity", s)));
    call.queryParam("principal").ifPresent(p -> query.principal(requireNonBlank("principal", p)));
    call.queryParam("from").ifPresent(f -> query.from(instant("from", f)));
    call.queryParam("to").ifPresent(t -> query.to(instant("to", t)));
    return query;
  }

  private static EventQuery build(EventQuery.Builder query) {
    try {
      return query.build();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  static List<String> commaSeparated(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static Severity severity(String param, String value) {
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(param + ": " + value + " (expected: " + SEVERITIES + ")");
    }
  }

  /** ISO-8601 instants ({@code 2025-06-01T12:00:00Z}, offsets allowed) or UTC dates. */
  private static Instant instant(String param, String value) {
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(param + ": " + value
          + " (expected: ISO-8601 such as 2025-06-01T12:00:00Z or 2025-06-01)");
    }
  }

  private static int parseLimit(String value) {
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= EventQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below, same message as out of range
    }
    throw ApiException.badRequest(
        "limit: " + value + " (expected: an integer 1.." + EventQuery.MAX_LIMIT + ")");
  }

  private static String requireCursor(String cursor) {
    if (cursor.isBlank() || cursor.length() > 512) {
      throw ApiException.badRequest("cursor: " + (cursor.isBlank() ? "blank" : "too long")
          + " (expected: next_cursor from a previous page)");
    }
    return cursor;
  }

  private static String requireNonBlank(String param, String value) {
    if (value.isBlank()) {
      throw ApiException.badRequest(param + ": blank (expected: a non-empty value)");
    }
    return value;
  }
}
