package io.rampart.mcp.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * What a bridged server sends on its own for one session (notifications, and requests such as
 * {@code sampling/createMessage} or {@code ping}), waiting for the caller's GET stream, which
 * reads it as {@code text/event-stream} through {@link #attach}.
 *
 * <p>Bounded, and {@link #offer} never blocks, so a slow or absent caller never stalls the
 * server's reader: past {@code maxMessages} messages or {@code maxBytes} bytes the oldest queued
 * notification is dropped (counted, see {@link #takeDropped}); a request that finds no room
 * (only requests queued) is refused, and its sender answers the server with an error so that it
 * does not wait for an answer that cannot come. One reader at a time: a new GET replaces the
 * previous one, whose stream ends (a caller that lost its connection reconnects without waiting
 * for the dead one to be noticed).
 */
final class ServerStream {
  private static final byte[] PREFIX = "event: message\ndata: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SUFFIX = "\n\n".getBytes(StandardCharsets.UTF_8);

  private final int maxMessages;
  private final long maxBytes;
  // guarded by this
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private long bytes;
  private long dropped;
  private Reader reader;
  private boolean closed;
  private boolean finished;

  private record Item(byte[] event, boolean request) {}

  ServerStream(int maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /**
   * Queues one encoded JSON-RPC message (compact JSON, no line breaks); false when it was not
   * queued: a request with no room left, or a closed stream.
   */
  synchronized boolean offer(byte[] json, boolean request) {
    if (closed) {
      return false;
    }
    byte[] event = new byte[PREFIX.length + json.length + SUFFIX.length];
    System.arraycopy(PREFIX, 0, event, 0, PREFIX.length);
    System.arraycopy(json, 0, event, PREFIX.length, json.length);
    System.arraycopy(SUFFIX, 0, event, PREFIX.length + json.length, SUFFIX.length);
    // room is made by dropping the oldest notifications; an empty queue takes anything
    while (!queue.isEmpty() && (queue.size() >= maxMessages
        || bytes + event.length > maxBytes)) {
      if (!dropOldestNotification()) {
        if (request) {
          return false;
        }
        dropped++; // only requests queued: the new notification is the one dropped
        return true;
      }
    }
    queue.add(new Item(event, request));
    bytes += event.length;
    notifyAll();
    return true;
  }

  private boolean dropOldestNotification() {
    for (Iterator<Item> it = queue.iterator(); it.hasNext(); ) {
      Item i = it.next();
      if (!i.request()) {
        it.remove();
        bytes -= i.event().length;
        dropped++;
        return true;
      }
    }
    return false;
  }

  /** Notifications dropped since the last call (reported on the next GET stream's event). */
  synchronized long takeDropped() {
    long d = dropped;
    dropped = 0;
    return d;
  }

  /** Messages queued now. */
  synchronized int size() {
    return queue.size();
  }

  /** A reader of the queued messages as SSE events; the previous reader's stream ends. */
  synchronized InputStream attach() {
    if (reader != null) {
      reader.ended = true;
    }
    reader = new Reader();
    notifyAll();
    return reader;
  }

  /** The session ended: every reader's stream ends, nothing more is queued. */
  synchronized void close() {
    closed = true;
    queue.clear();
    bytes = 0;
    notifyAll();
  }

  /** Nothing more will be queued: readers end once they have read what is queued. */
  synchronized void finish() {
    finished = true;
    notifyAll();
  }

  /** Whether a reader is attached now. */
  synchronized boolean attached() {
    return reader != null && !reader.ended;
  }

  private synchronized Item next(Reader r) throws IOException {
    try {
      while (!r.ended && !closed && !finished && queue.isEmpty()) {
        wait(); // on a virtual thread: no platform thread is held while the stream is quiet
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (r.ended || closed || queue.isEmpty()) {
      return null;
    }
    Item i = queue.poll();
    bytes -= i.event().length;
    return i;
  }

  private synchronized void detach(Reader r) {
    r.ended = true;
    if (reader == r) {
      reader = null;
    }
    notifyAll();
  }

  /** One GET stream's view: blocks for the next message, ends when replaced or closed. */
  private final class Reader extends InputStream {
    private volatile boolean ended;
    private byte[] current = new byte[0];
    private int at;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (at == current.length) {
        Item i = next(this);
        if (i == null) {
          return -1;
        }
        current = i.event();
        at = 0;
      }
      int n = Math.min(len, current.length - at);
      System.arraycopy(current, at, b, off, n);
      at += n;
      return n;
    }

    @Override
    public void close() {
      detach(this);
    }
  }
}
