package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Collects a whole upstream answer that is not streamed to the caller, on the client's own
 * thread, into an array sized by its Content-Length, and hands it over complete: the request's
 * thread wakes once. Jetty's {@code InputStreamResponseListener}, used before, handed each chunk
 * over through a queue, a lock and a demand round trip (7-10% of the gateway's CPU samples).
 *
 * <p>Its outcomes are those of that listener: no headers within the timeout is a timeout; a
 * failure before the headers is the request's failure; one after them fails the body's read;
 * more than {@code max} bytes are cut at {@code max + 1} and the connection is dropped, so the
 * reader reports the oversized answer as before.
 */
final class BufferedAnswer implements Response.Listener {
  private final int max;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Response response;
  private volatile Duration wait = Duration.ZERO;
  // written by the client's thread before done counts down, read after it
  private byte[] bytes = new byte[0];
  private int size;
  private boolean over;
  private Throwable failure;

  BufferedAnswer(int max) {
    if (max < 0 || max == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("max: " + max + " (expected: 0 to 2^31 - 2)");
    }
    this.max = max;
  }

  @Override
  public void onHeaders(Response r) {
    long declared = r.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > 0 && declared <= max) {
      bytes = new byte[(int) declared];
    }
    response = r;
  }

  @Override
  public void onContent(Response r, ByteBuffer content) {
    if (over) {
      return;
    }
    int n = content.remaining();
    if (n > max - size) {
      n = max - size + 1;
      over = true;
    }
    if (size + n > bytes.length) {
      long grown = Math.max(size + n, Math.max(8192L, 2L * bytes.length));
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, max + 1L));
    }
    content.get(bytes, size, n);
    size += n;
    if (over) {
      r.abort(new IOException("upstream response: larger than " + max + " bytes"));
    }
  }

  @Override
  public void onComplete(Result result) {
    if (result.isFailed()) {
      failure = result.getFailure();
    }
    done.countDown();
  }

  /**
   * The response once its headers are in; waits up to {@code timeout} for the whole answer (in
   * the usual case it is then complete), as long as for the headers alone before.
   *
   * @throws TimeoutException no headers within the timeout
   * @throws ExecutionException the exchange failed before the headers
   */
  Response get(Duration timeout)
      throws InterruptedException, TimeoutException, ExecutionException {
    this.wait = requireNonNull(timeout, "timeout");
    boolean complete = done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    Response r = response;
    if (r != null) {
      return r;
    }
    if (!complete) {
      throw new TimeoutException("no response headers within " + timeout);
    }
    throw new ExecutionException(failure == null ? new IOException("no response") : failure);
  }

  /** The body, read once it is complete. */
  InputStream body() {
    return new Body(this);
  }

  /** The whole body: at most {@code max + 1} bytes, so the reader can tell it was too large. */
  private byte[] whole() throws IOException {
    try {
      // Jetty's total timeout on the request ends a trickling body; this bound is a backstop
      if (!done.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        Response r = response;
        if (r != null) {
          r.abort(new TimeoutException("upstream response: body not complete within " + wait));
        }
        throw new IOException("upstream response: body not complete within " + wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("upstream response: interrupted", e);
    }
    if (failure != null && !over) {
      throw new IOException("upstream response: " + failure.getMessage(), failure);
    }
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  /** A buffered answer's body: {@link #all()} hands over its array without a copy. */
  static final class Body extends InputStream {
    private final BufferedAnswer answer;
    private byte[] all;
    private int pos;

    private Body(BufferedAnswer answer) {
      this.answer = answer;
    }

    /** Every byte of the body (at most the limit + 1). */
    byte[] all() throws IOException {
      if (all == null) {
        all = answer.whole();
      }
      return all;
    }

    // a stream past the limit fails rather than end early (the SSE branch reads it this way)
    private byte[] within() throws IOException {
      byte[] b = all();
      if (b.length > answer.max) {
        throw new IOException("upstream response: larger than " + answer.max + " bytes");
      }
      return b;
    }

    @Override
    public int read() throws IOException {
      byte[] b = within();
      return pos < b.length ? b[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, into.length);
      byte[] b = within();
      if (len == 0) {
        return 0;
      }
      if (pos >= b.length) {
        return -1;
      }
      int n = Math.min(len, b.length - pos);
      System.arraycopy(b, pos, into, off, n);
      pos += n;
      return n;
    }
  }
}
