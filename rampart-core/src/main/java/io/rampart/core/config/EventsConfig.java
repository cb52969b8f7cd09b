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
    checkRetention(retention);
  }

  /** A builder starting from {@link #DEFAULT}. */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static Duration checkRetention(Duration retention) {
    requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention: " + retention + " (expected: >= 0)");
    }
    return retention;
  }

  /** Builds an {@link EventsConfig}; setters validate eagerly. */
  public static final class Builder {
    private Duration retention;

    private Builder(EventsConfig from) {
      this.retention = from.retention;
    }

    public Builder retention(Duration retention) {
      this.retention = checkRetention(retention);
      return this;
    }

    public EventsConfig build() {
      return new EventsConfig(retention);
    }
  }
}
