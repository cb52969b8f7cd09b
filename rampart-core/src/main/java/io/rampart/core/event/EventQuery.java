package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@link EventLog#query}. Results come newest first. Every filter is
 * optional; sets match any of their members.
 */
public final class EventQuery {
  public static final int MAX_LIMIT = 1000;

  private final Set<String> types;
  private final Set<Severity> severities;
  private final @Nullable Severity minSeverity;
  private final @Nullable String principal;
  private final @Nullable Instant from;
  private final @Nullable Instant to;
  private final @Nullable String cursor;
  private final int limit;

  private EventQuery(Builder b) {
    this.types = Set.copyOf(b.types);
    this.severities = Set.copyOf(b.severities);
    this.minSeverity = b.minSeverity;
    this.principal = b.principal;
    this.from = b.from;
    this.to = b.to;
    this.cursor = b.cursor;
    this.limit = b.limit;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All events, first page of the default size. */
  public static EventQuery all() {
    return builder().build();
  }

  public Set<String> types() {
    return types;
  }

  public Set<Severity> severities() {
    return severities;
  }

  public Optional<Severity> minSeverity() {
    return Optional.ofNullable(minSeverity);
  }

  public Optional<String> principal() {
    return Optional.ofNullable(principal);
  }

  /** Inclusive lower bound on event time. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** Exclusive upper bound on event time. */
  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  /** Opaque cursor from {@link EventPage#nextCursor()}. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  public int limit() {
    return limit;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.types.addAll(types);
    b.severities.addAll(severities);
    b.minSeverity = minSeverity;
    b.principal = principal;
    b.from = from;
    b.to = to;
    b.cursor = cursor;
    b.limit = limit;
    return b;
  }

  /** Builds an {@link EventQuery}; default limit 100. */
  public static final class Builder {
    private final java.util.LinkedHashSet<String> types = new java.util.LinkedHashSet<>();
    private final java.util.EnumSet<Severity> severities = java.util.EnumSet.noneOf(Severity.class);
    private @Nullable Severity minSeverity;
    private @Nullable String principal;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private @Nullable String cursor;
    private int limit = 100;

    private Builder() {}

    public Builder type(String type) {
      types.add(requireNonNull(type, "type"));
      return this;
    }

    public Builder severity(Severity severity) {
      severities.add(requireNonNull(severity, "severity"));
      return this;
    }

    public Builder minSeverity(Severity severity) {
      this.minSeverity = requireNonNull(severity, "severity");
      return this;
    }

    public Builder principal(String principal) {
      this.principal = requireNonNull(principal, "principal");
      return this;
    }

    public Builder from(Instant from) {
      this.from = requireNonNull(from, "from");
      return this;
    }

    public Builder to(Instant to) {
      this.to = requireNonNull(to, "to");
      return this;
    }

    public Builder cursor(String cursor) {
      this.cursor = requireNonNull(cursor, "cursor");
      return this;
    }

    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException(
            "limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
      }
      this.limit = limit;
      return this;
    }

    public EventQuery build() {
      if (from != null && to != null && !from.isBefore(to)) {
        throw new IllegalArgumentException(
            "from: " + from + " (expected: before to " + to + ")");
      }
      return new EventQuery(this);
    }
  }
}
