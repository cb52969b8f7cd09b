package io.rampart.core.event;

import io.rampart.core.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand their events to one writer thread and wait; the writer takes
 * everything queued so far, inserts it in one transaction, commits, then completes every
 * waiting caller. Under load one commit (the expensive, durable part) serves many appends;
 * idle, an append costs one commit as before. Ids are assigned by the writer, so they follow
 * commit order.
 */
final class EventWriter {
  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
  /** Requests per transaction: bounds transaction size and the latency of the first caller. */
  private static final int MAX_BATCH = 512;

  private record Request(
      List<EventDraft> drafts,
      List<String> attributes,
      List<String> references,
      CompletableFuture<List<Event>> done) {}

  private static final Request STOP =
      new Request(List.of(), List.of(), List.of(), new CompletableFuture<>());

  private final DataSource dataSource;
  private final Clock clock;
  private final EventIds ids;
  // Unbounded: every queued request has a caller blocked on it, so callers bound the queue.
  private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock lifecycle = new ReentrantLock();
  private final Thread thread;
  private boolean closed;

  EventWriter(DataSource dataSource, Clock clock, EventIds ids) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.ids = ids;
    this.thread = Thread.ofPlatform().name("rampart-event-writer").daemon().start(this::run);
  }

  /** Appends {@code drafts} in one transaction and returns them once committed. */
  List<Event> append(List<EventDraft> drafts) {
    List<String> attributes = new ArrayList<>(drafts.size());
    List<String> references = new ArrayList<>(drafts.size());
    for (EventDraft draft : drafts) {
      // Serialised here, on the caller's thread, so bad input fails the caller alone.
      EventLimits.check(draft);
      attributes.add(EventLimits.attributes(EventJson.attributes(draft.attributes())));
      references.add(EventLimits.references(EventJson.references(draft.references())));
    }
    Request request = new Request(drafts, attributes, references, new CompletableFuture<>());
    lifecycle.lock();
    try {
      if (closed) {
        throw new StorageException("event log: closed (expected: an open event log)");
      }
      queue.add(request);
    } finally {
      lifecycle.unlock();
    }
    try {
      return request.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(
          "event log: interrupted while waiting for the commit (the events may be stored)", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new StorageException(cause.getMessage(), cause);
    }
  }

  /** Commits everything already queued, then stops the writer. Idempotent. */
  void close() {
    lifecycle.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    } finally {
      lifecycle.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Request> batch = new ArrayList<>(MAX_BATCH);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() ends the writer, after draining
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = batch.removeIf(request -> request == STOP);
      if (!batch.isEmpty()) {
        write(batch);
      }
      batch.clear();
    }
  }

  private void write(List<Request> batch) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        complete(batch, commit(connection, batch));
      } catch (SQLException | RuntimeException e) {
        if (batch.size() == 1 || unusable(connection, e)) {
          failAll(batch, e);
          return;
        }
        // One bad request must not fail its neighbours: retry each in its own transaction.
        for (Request request : batch) {
          try {
            complete(List.of(request), commit(connection, List.of(request)));
          } catch (SQLException | RuntimeException again) {
            failAll(List.of(request), again);
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      failAll(batch, e); // no connection: the database is unreachable
    } catch (Error e) {
      // Not rethrown: a dead writer would leave every later append waiting forever.
      failAll(batch, new IllegalStateException(e.toString(), e));
    }
  }

  private List<List<Event>> commit(Connection connection, List<Request> batch)
      throws SQLException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<List<Event>> results = new ArrayList<>(batch.size());
    try (PreparedStatement insert = connection.prepareStatement(EventSql.INSERT)) {
      for (Request request : batch) {
        List<Event> events = new ArrayList<>(request.drafts().size());
        for (int i = 0; i < request.drafts().size(); i++) {
          Event event = Event.of(ids.next(now), now, request.drafts().get(i));
          bind(insert, event, request.attributes().get(i), request.references().get(i));
          insert.addBatch();
          events.add(event);
        }
        results.add(events);
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    }
    return results;
  }

  private static boolean unusable(Connection connection, Exception e) {
    if (e instanceof SQLException s && s.getSQLState() != null
        && s.getSQLState().startsWith("08")) {
      return true;
    }
    try {
      return !connection.isValid(2);
    } catch (SQLException invalid) {
      return true;
    }
  }

  private static void bind(PreparedStatement insert, Event event, String attributes,
      String references) throws SQLException {
    insert.setString(1, event.id());
    insert.setObject(2, EventSql.timestamp(event.time()));
    insert.setString(3, event.type());
    insert.setInt(4, EventSql.rank(event.severity()));
    insert.setString(5, event.principal());
    insert.setString(6, event.asset());
    insert.setString(7, event.outcome().id());
    insert.setString(8, attributes);
    insert.setString(9, references);
  }

  private static void complete(List<Request> batch, List<List<Event>> results) {
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(results.get(i));
    }
  }

  private static void failAll(List<Request> batch, Exception e) {
    LOG.warn("event append failed for {} request(s): {}", batch.size(), e.toString());
    batch.forEach(request -> fail(request, e));
  }

  private static void fail(Request request, Exception e) {
    request.done().completeExceptionally(
        e instanceof StorageException
            ? e
            : new StorageException("event log: append failed (" + e.getMessage() + ")", e));
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
