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
 */
public record StdioLimits(Duration idleTimeout, int maxSessions, Duration killGrace) {
  public static final StdioLimits DEFAULT =
      new StdioLimits(Duration.ofMinutes(10), 16, Duration.ofSeconds(5));

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
  }
}
