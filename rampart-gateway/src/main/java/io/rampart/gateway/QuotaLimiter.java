package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-minute counters (fixed one-minute windows on the injected clock) for request and token
 * quotas. Thread-safe; a key's counter is reset when its window passes.
 */
final class QuotaLimiter {
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  QuotaLimiter(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  private static final class Window {
    long minute;
    long used;
  }

  /**
   * Adds {@code amount} to {@code key} if that keeps it within {@code limit} (0 means no limit);
   * otherwise adds nothing and returns how long until the window resets.
   */
  Optional<Duration> tryAcquire(String key, long limit, long amount) {
    if (limit <= 0) {
      return Optional.empty();
    }
    long nowSeconds = clock.instant().getEpochSecond();
    long minute = Math.floorDiv(nowSeconds, 60);
    Window w = windows.computeIfAbsent(key, k -> new Window());
    synchronized (w) {
      if (w.minute != minute) {
        w.minute = minute;
        w.used = 0;
      }
      if (w.used + amount > limit) {
        return Optional.of(Duration.ofSeconds(Math.max(1, (minute + 1) * 60 - nowSeconds)));
      }
      w.used += amount;
      return Optional.empty();
    }
  }

  /** Adds usage after the fact (completion tokens); may push the key over its limit. */
  void add(String key, long amount) {
    long minute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
    Window w = windows.computeIfAbsent(key, k -> new Window());
    synchronized (w) {
      if (w.minute != minute) {
        w.minute = minute;
        w.used = 0;
      }
      w.used += amount;
    }
  }
}
