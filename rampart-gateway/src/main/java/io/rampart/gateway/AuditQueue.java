package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code gateway.request} events off the request path: a request hands its event to a
 * bounded queue and is done; one writer thread appends what has queued up as one
 * {@link EventLog#appendAll} (one durable commit for many requests). A full queue blocks the
 * request that would overflow it (back-pressure), so no event is ever dropped for lack of room;
 * what is lost on a crash is at most what is queued and not yet committed (bounded by the
 * capacity), and {@link #close} writes everything queued. {@link #flush} waits until what was
 * queued before it is committed, for readers that must see every answered request's event.
 */
final class AuditQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
  static final int CAPACITY = 8192;
  private static final int MAX_BATCH = 512;
  // Each commit costs the database a chunk write whatever its size (H2 with WRITE_DELAY=0:
  // measured 14% of the gateway's CPU samples at 1,000 req/s with a 5 ms linger, about five
  // events a commit). Lingering longer makes the commits fewer and larger; what that delays is
  // only the moment an event becomes visible, and readers that must see it call flush, which
  // cuts the linger short.
  static final long LINGER_NANOS = 50_000_000L;
  private static final EventDraft STOP = EventDraft.builder("gateway.audit.stop").build();
  private static final EventDraft FLUSH = EventDraft.builder("gateway.audit.flush").build();

  private final EventLog events;
  private final BlockingQueue<EventDraft> queue;
  private final Thread writer;
  private final long lingerNanos;
  private final Object progress = new Object();
  // guarded by progress: events taken from the queue and handed to the log (or given up on)
  private long written;
  private long submitted;
  private volatile boolean closed;

  AuditQueue(EventLog events, int capacity) {
    this(events, capacity, LINGER_NANOS);
  }

  AuditQueue(EventLog events, int capacity, long lingerNanos) {
    this.lingerNanos = lingerNanos;
    this.events = requireNonNull(events, "events");
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = Thread.ofPlatform().name("rampart-gateway-audit").daemon().start(this::run);
  }

  /**
   * Announces an event that {@link #submit} or {@link #abandon} will follow, before the request's
   * answer is written, so that a {@link #flush} after the answer arrived waits for its event.
   */
  void reserve() {
    synchronized (progress) {
      submitted++;
    }
  }

  /** A reserved event that will not come (its draft could not be built). */
  void abandon() {
    synchronized (progress) {
      written++;
      progress.notifyAll();
    }
  }

  /** Queues one reserved event; blocks while the queue is full. After {@link #close}, writes it now. */
  void submit(EventDraft draft) {
    requireNonNull(draft, "draft");
    if (closed) {
      append(List.of(draft));
      abandon();
      return;
    }
    try {
      queue.put(draft);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      append(List.of(draft)); // the event still gets written, on this thread
      abandon();
    }
  }

  /** Waits (up to {@code timeoutMillis}) until every event submitted before this call is written. */
  boolean flush(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (progress) {
      long target = submitted;
      if (written < target) {
        // ends a linger at once; when the queue is full the writer is not lingering anyway
        queue.offer(FLUSH);
      }
      while (written < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          progress.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void run() {
    List<EventDraft> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() ends the writer, after draining
      }
      linger(batch);
      boolean stop = batch.removeIf(d -> d == STOP);
      batch.removeIf(d -> d == FLUSH);
      if (!batch.isEmpty()) {
        append(batch);
        synchronized (progress) {
          written += batch.size();
          progress.notifyAll();
        }
      }
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  // Waits up to LINGER for company, so that many events share one commit; a STOP or FLUSH
  // marker ends the wait.
  private void linger(List<EventDraft> batch) {
    long deadline = System.nanoTime() + lingerNanos;
    queue.drainTo(batch, MAX_BATCH - batch.size());
    while (batch.size() < MAX_BATCH && batch.getLast() != STOP && batch.getLast() != FLUSH) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        EventDraft next = queue.poll(left, TimeUnit.NANOSECONDS);
        if (next == null) {
          return;
        }
        batch.add(next);
        queue.drainTo(batch, MAX_BATCH - batch.size());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void append(List<EventDraft> batch) {
    try {
      events.appendAll(batch);
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        LOG.error("gateway.request event could not be written", e);
        return;
      }
      // one bad event must not cost its neighbours theirs
      batch.forEach(d -> append(List.of(d)));
    }
  }

  /** Writes everything queued, then stops the writer thread. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(STOP);
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // a submit that raced with close may have queued after the writer's last batch
    List<EventDraft> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.removeIf(d -> d == STOP || d == FLUSH);
    if (!rest.isEmpty()) {
      append(rest);
      synchronized (progress) {
        written += rest.size();
        progress.notifyAll();
      }
    }
  }
}
