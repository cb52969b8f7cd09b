package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit events ({@code gateway.request}, {@code mcp.request}) off the request path: a request hands its event to a
 * bounded queue and is done; one writer thread appends what has queued up as one
 * {@link EventLog#appendAll} (one durable commit for many requests). A full queue blocks the
 * request that would overflow it (back-pressure), so no event is ever dropped for lack of room;
 * what is lost on a crash is at most what is queued and not yet committed (bounded by the
 * capacity), and {@link #close} writes everything queued. {@link #flush} waits until what was
 * queued before it is committed, for readers that must see every answered request's event.
 */
public final class AuditQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
  /** The default number of events that may wait before a submit blocks. */
  public static final int CAPACITY = 8192;
  private static final int MAX_BATCH = 512;
  // Each commit costs the database a chunk write whatever its size (H2 with WRITE_DELAY=0:
  // measured 14% of the gateway's CPU samples at 1,000 req/s with a 5 ms linger, about five
  // events a commit). Lingering longer makes the commits fewer and larger; what that delays is
  // only the moment an event becomes visible, and readers that must see it call flush, which
  // cuts the linger short.
  static final long LINGER_NANOS = 50_000_000L;
  // markers, told apart by identity
  private static final List<EventDraft> STOP = List.of(EventDraft.builder("audit.stop").build());
  private static final List<EventDraft> FLUSH = List.of(EventDraft.builder("audit.flush").build());

  private final EventLog events;
  // one entry per reservation: the events of one request (one, or one per JSON-RPC message)
  private final BlockingQueue<List<EventDraft>> queue;
  private final Thread writer;
  private final long lingerNanos;
  private final Object progress = new Object();
  // guarded by progress: reservations whose events were handed to the log (or given up on)
  private long written;
  private long submitted;
  private volatile boolean closed;

  AuditQueue(EventLog events, int capacity) {
    this(events, capacity, LINGER_NANOS, "rampart-audit");
  }

  AuditQueue(EventLog events, int capacity, long lingerNanos) {
    this(events, capacity, lingerNanos, "rampart-audit");
  }

  private AuditQueue(EventLog events, int capacity, long lingerNanos, String name) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: at least 1)");
    }
    this.lingerNanos = lingerNanos;
    this.events = requireNonNull(events, "events");
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = Thread.ofPlatform().name(requireNonNull(name, "name")).daemon()
        .start(this::run);
  }

  /**
   * A queue in front of {@code events} with the default capacity and linger; {@code name} names
   * its writer thread (for thread dumps and profiles).
   */
  public static AuditQueue create(EventLog events, String name) {
    return new AuditQueue(events, CAPACITY, LINGER_NANOS, name);
  }

  /**
   * Announces the events of one request, which one {@link #submit} or {@link #abandon} will
   * follow, before the request's answer is written, so that a {@link #flush} after the answer
   * arrived waits for them.
   */
  public void reserve() {
    synchronized (progress) {
      submitted++;
    }
  }

  /** A reservation whose events will not come (none, or they could not be built). */
  public void abandon() {
    synchronized (progress) {
      written++;
      progress.notifyAll();
    }
  }

  /** Queues one reserved event; blocks while the queue is full. After {@link #close}, writes it now. */
  public void submit(EventDraft draft) {
    submit(List.of(requireNonNull(draft, "draft")));
  }

  /**
   * Queues the events of one reservation, committed together; blocks while the queue is full.
   * After {@link #close}, writes them now.
   */
  public void submit(List<EventDraft> drafts) {
    List<EventDraft> group = List.copyOf(requireNonNull(drafts, "drafts"));
    if (group.isEmpty()) {
      abandon();
      return;
    }
    if (closed) {
      append(group);
      abandon();
      return;
    }
    try {
      queue.put(group);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      append(group); // the events still get written, on this thread
      abandon();
    }
  }

  /** Waits (up to {@code timeoutMillis}) until every event submitted before this call is written. */
  public boolean flush(long timeoutMillis) {
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
    List<List<EventDraft>> batch = new ArrayList<>(MAX_BATCH);
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
        append(flatten(batch));
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

  private static List<EventDraft> flatten(List<List<EventDraft>> groups) {
    if (groups.size() == 1) {
      return groups.getFirst();
    }
    List<EventDraft> all = new ArrayList<>(groups.size() + 8);
    groups.forEach(all::addAll);
    return all;
  }

  // Waits up to LINGER for company, so that many events share one commit; a STOP or FLUSH
  // marker ends the wait.
  private void linger(List<List<EventDraft>> batch) {
    long deadline = System.nanoTime() + lingerNanos;
    queue.drainTo(batch, MAX_BATCH - batch.size());
    while (batch.size() < MAX_BATCH && batch.getLast() != STOP && batch.getLast() != FLUSH) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        List<EventDraft> next = queue.poll(left, TimeUnit.NANOSECONDS);
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
        LOG.error("{} event could not be written", batch.getFirst().type(), e);
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
    List<List<EventDraft>> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.removeIf(d -> d == STOP || d == FLUSH);
    if (!rest.isEmpty()) {
      append(flatten(rest));
      synchronized (progress) {
        written += rest.size();
        progress.notifyAll();
      }
    }
  }
}
