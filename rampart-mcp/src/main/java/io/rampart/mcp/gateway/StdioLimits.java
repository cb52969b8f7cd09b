package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds on stdio servers' child processes ({@code mcp-gateway.stdio}).
 *
 * @param idleTimeout a session unused for this long is closed and its process ended
 * @param maxSessions sessions (processes) at once per stdio server; one more is refused with a
 *     JSON-RPC error naming this limit
 * @param killGrace how long an ended process may take to exit after it was asked to
 *     (SIGTERM) before it is killed (SIGKILL), with its descendants
 * @param streamMessages messages a bridged session's stream holds for its caller while nobody
 *     reads it; past this the oldest notifications are dropped and counted (server requests
 *     are kept)
 * @param streamBytes the same bound in bytes (one message of the largest size always fits)
 */
public record StdioLimits(Duration idleTimeout, int maxSessions, Duration killGrace,
    int streamMessages, long streamBytes) {
  public static final StdioLimits DEFAULT =
      new StdioLimits(Duration.ofMinutes(10), 16, Duration.ofSeconds(5), 256, 8L << 20);

  /** Limits with the default stream bounds. */
  public StdioLimits(Duration idleTimeout, int maxSessions, Duration killGrace) {
    this(idleTimeout, maxSessions, killGrace, DEFAULT.streamMessages(), DEFAULT.streamBytes());
  }

  public StdioLimits {
    requireNonNull(idleTimeout, "idleTimeout");
    requireNonNull(killGrace, "killGrace");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "idle-timeout: " + idleTimeout + " (expected: more than 0)");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("max-sessions: " + maxSessions + " (expected: 1 or more)");
    }
    if (killGrace.isNegative()) {
      throw new IllegalArgumentException("kill-grace: " + killGrace + " (expected: 0 or more)");
    }
    if (streamMessages < 1 || streamMessages > 1_000_000) {
      throw new IllegalArgumentException(
          "stream-messages: " + streamMessages + " (expected: 1..1000000)");
    }
    if (streamBytes < 1024 || streamBytes > 1L << 30) {
      throw new IllegalArgumentException(
          "stream-bytes: " + streamBytes + " (expected: 1024..1073741824)");
    }
  }
}
