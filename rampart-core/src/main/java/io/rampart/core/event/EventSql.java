package io.rampart.core.event;

import io.rampart.core.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SQL for the events table: row mapping and the filtered, keyset-paged select. */
final class EventSql {
  static final String INSERT =
      "INSERT INTO events (id, event_time, type, severity, principal, asset, outcome,"
          + " attributes, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String COLUMNS =
      "id, event_time, type, severity, principal, asset, outcome, attributes, refs";

  private EventSql() {}

  /** The stored rank of a severity; explicit so reordering the enum cannot corrupt data. */
  static int rank(Severity severity) {
    return switch (severity) {
      case INFO -> 0;
      case LOW -> 1;
      case MEDIUM -> 2;
      case HIGH -> 3;
      case CRITICAL -> 4;
    };
  }

  static Severity severity(int rank) {
    return switch (rank) {
      case 0 -> Severity.INFO;
      case 1 -> Severity.LOW;
      case 2 -> Severity.MEDIUM;
      case 3 -> Severity.HIGH;
      case 4 -> Severity.CRITICAL;
      default -> throw new StorageException("events.severity: " + rank + " (expected: 0..4)");
    };
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * Stored times have microsecond precision (PostgreSQL's); a bound with nanoseconds is
   * rounded up so that {@code time >= from} and {@code time < to} keep their meaning.
   */
  static Instant ceilMicros(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.MICROS);
    return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
  }

  /** Up to {@code limit} events matching {@code query} with ids below {@code beforeId}. */
  static List<Event> select(
      Connection connection, EventQuery query, @Nullable String beforeId, int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM events");
    List<Object> params = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (!query.types().isEmpty()) {
      where.add("type IN (" + placeholders(query.types().size()) + ")");
      params.addAll(query.types());
    }
    if (!query.severities().isEmpty()) {
      where.add("severity IN (" + placeholders(query.severities().size()) + ")");
      query.severities().forEach(s -> params.add(rank(s)));
    }
    query.minSeverity().ifPresent(s -> {
      where.add("severity >= ?");
      params.add(rank(s));
    });
    query.principal().ifPresent(p -> {
      where.add("principal = ?");
      params.add(p);
    });
    query.from().ifPresent(from -> {
      where.add("event_time >= ?");
      params.add(timestamp(ceilMicros(from)));
    });
    query.to().ifPresent(to -> {
      where.add("event_time < ?");
      params.add(timestamp(ceilMicros(to)));
    });
    if (beforeId != null) {
      where.add("id < ?");
      params.add(beforeId);
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
    params.add(limit);
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      List<Event> events = new ArrayList<>(Math.min(limit, 1024));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          events.add(read(rows));
        }
      }
      return events;
    }
  }

  static Event read(ResultSet rows) throws SQLException {
    String id = rows.getString(1);
    try {
      return new Event(
          id,
          rows.getObject(2, OffsetDateTime.class).toInstant(),
          rows.getString(3),
          severity(rows.getInt(4)),
          rows.getString(5),
          rows.getString(6),
          Outcome.parse(rows.getString(7)),
          EventJson.readAttributes(rows.getString(8)),
          EventJson.readReferences(rows.getString(9)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new StorageException(
          "events.id: " + id + ": unreadable row (" + e.getMessage() + ")", e);
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
