package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The event log ({@code events:} in rampart.yaml).
 *
 * @param retention how long events are kept; {@link Duration#ZERO} keeps them forever
 */
public record EventsConfig(Duration retention) {
  public static final EventsConfig DEFAULT = new EventsConfig(Duration.ofDays(90));

  public EventsConfig {
    requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention: " + retention + " (expected: >= 0)");
    }
  }
}
