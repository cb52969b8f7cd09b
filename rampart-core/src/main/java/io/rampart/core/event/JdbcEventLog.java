package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import io.rampart.core.storage.Database;
import io.rampart.core.storage.Dialect;
import io.rampart.core.storage.StorageException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EventLog} on a {@link Database} (H2 or PostgreSQL). Appends from any number of
 * threads are group-committed by one writer thread and return once committed. Ids are ULIDs
 * that sort in append order; queries page newest first with opaque keyset cursors. Closing
 * the log commits what is queued and stops the writer; it does not close the database.
 */
public final class JdbcEventLog implements EventLog {
  /** Rows per query while streaming {@link #forEach}. */
  private static final int STREAM_PAGE = 500;
  /** Rows per delete while purging, so one purge never becomes one huge transaction. */
  static final int PURGE_CHUNK = 5_000;
  // H2 deletes with a row limit directly but runs the IN (subquery) form in quadratic time;
  // PostgreSQL has no DELETE ... LIMIT.
  private static final String PURGE_H2 =
      "DELETE FROM events WHERE event_time < ? FETCH FIRST " + PURGE_CHUNK + " ROWS ONLY";
  private static final String PURGE_POSTGRESQL =
      "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE event_time < ?"
          + " FETCH FIRST " + PURGE_CHUNK + " ROWS ONLY)";

  private final DataSource dataSource;
  private final String purge;
  private final EventWriter writer;

  private JdbcEventLog(DataSource dataSource, String purge, EventWriter writer) {
    this.dataSource = dataSource;
    this.purge = purge;
    this.writer = writer;
  }

  /** An event log on {@code db}, stamping events with {@code clock}. */
  public static JdbcEventLog create(Database db, Clock clock) {
    return create(db, clock, new SecureRandom());
  }

  /** As {@link #create(Database, Clock)}, with the randomness for event ids supplied. */
  public static JdbcEventLog create(Database db, Clock clock, RandomGenerator random) {
    requireNonNull(db, "db");
    requireNonNull(clock, "clock");
    requireNonNull(random, "random");
    DataSource dataSource = db.dataSource();
    String purge = db.dialect() == Dialect.H2 ? PURGE_H2 : PURGE_POSTGRESQL;
    return new JdbcEventLog(
        dataSource, purge, new EventWriter(dataSource, clock, new EventIds(random)));
  }

  @Override
  public Event append(EventDraft draft) {
    requireNonNull(draft, "draft");
    return writer.append(List.of(draft)).getFirst();
  }

  @Override
  public List<Event> appendAll(List<EventDraft> drafts) {
    List<EventDraft> copy = List.copyOf(requireNonNull(drafts, "drafts"));
    return copy.isEmpty() ? List.of() : writer.append(copy);
  }

  @Override
  public EventPage query(EventQuery query) {
    requireNonNull(query, "query");
    @Nullable String before = query.cursor().map(c -> EventCursor.decode(c, query)).orElse(null);
    int limit = query.limit();
    List<Event> rows = select(query, before, limit + 1);
    if (rows.size() <= limit) {
      return new EventPage(rows, "");
    }
    List<Event> page = rows.subList(0, limit);
    return new EventPage(page, EventCursor.encode(page.getLast().id(), query));
  }

  @Override
  public void forEach(EventQuery query, Consumer<Event> sink) {
    requireNonNull(query, "query");
    requireNonNull(sink, "sink");
    @Nullable String before = null;
    while (true) {
      // A fresh short query per page: no connection or cursor is held while the sink works.
      List<Event> page = select(query, before, STREAM_PAGE);
      page.forEach(sink);
      if (page.size() < STREAM_PAGE) {
        return;
      }
      before = page.getLast().id();
    }
  }

  @Override
  public long purgeOlderThan(Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    long total = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(purge)) {
      delete.setObject(1, EventSql.timestamp(EventSql.ceilMicros(cutoff)));
      int deleted;
      do {
        deleted = delete.executeUpdate();
        total += deleted;
      } while (deleted == PURGE_CHUNK);
      return total;
    } catch (SQLException e) {
      throw new StorageException(
          "events: purge before " + cutoff + " failed after " + total + " deleted ("
              + e.getMessage() + ")",
          e);
    }
  }

  /** Commits queued appends and stops the writer; the database stays open. Idempotent. */
  @Override
  public void close() {
    writer.close();
  }

  private List<Event> select(EventQuery query, @Nullable String before, int limit) {
    try (Connection connection = dataSource.getConnection()) {
      return EventSql.select(connection, query, before, limit);
    } catch (SQLException e) {
      throw new StorageException("events: query failed (" + e.getMessage() + ")", e);
    }
  }
}
