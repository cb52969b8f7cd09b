package io.rampart.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-minute request counters shared with other listeners (the MCP gateway's per-principal and
 * per-tool quotas), on the same fixed windows as the model gateway's. Thread-safe.
 */
public final class Quotas {
  private final QuotaLimiter limiter;

  private Quotas(Clock clock) {
    this.limiter = new QuotaLimiter(clock);
  }

  public static Quotas create(Clock clock) {
    return new Quotas(clock);
  }

  /** Counts one use of {@code key} within {@code perMinute} (0: unlimited); else the wait. */
  public Optional<Duration> tryAcquire(String key, int perMinute) {
    return limiter.tryAcquire(key, perMinute, 1);
  }
}
