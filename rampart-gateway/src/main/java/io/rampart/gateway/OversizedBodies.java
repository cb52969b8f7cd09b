package io.rampart.gateway;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards the rest of a body that is refused as too large, so that the client gets
 * its 413 reply. A server that answers and closes while the client is still sending makes the
 * client's kernel reset the connection, and the client then reports a broken connection instead
 * of the reply (TokensApiTest.oversizeBodyIs413 failed this way on a loaded CI machine).
 */
public final class OversizedBodies {
  /** The most bytes discarded before giving up and closing the connection instead. */
  public static final long DISCARD_LIMIT = 16L << 20;

  private OversizedBodies() {}

  /**
   * Discards what is left of {@code in}, at most {@link #DISCARD_LIMIT} bytes; true when the body
   * ended within that, so the connection can carry a reply, false when the caller should close.
   */
  public static boolean discard(InputStream in) {
    byte[] sink = new byte[16 * 1024];
    long left = DISCARD_LIMIT;
    try {
      while (left > 0) {
        int n = in.read(sink, 0, (int) Math.min(sink.length, left));
        if (n < 0) {
          return true;
        }
        left -= n;
      }
      return in.read() < 0;
    } catch (IOException e) {
      return false;
    }
  }
}
