package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A filter and page over stored findings, most severe first. Without an assessment it reads
 * the latest succeeded run of every scope, i.e. the current state.
 */
public final class FindingQuery {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private final Set<Severity> severities;
  private final @Nullable String rule;
  private final @Nullable String asset;
  private final @Nullable String assessment;
  private final Set<FindingStatus> statuses;
  private final @Nullable String cursor;
  private final int limit;

  private FindingQuery(Builder b) {
    this.severities = Set.copyOf(b.severities);
    this.rule = b.rule;
    this.asset = b.asset;
    this.assessment = b.assessment;
    this.statuses = Set.copyOf(b.statuses);
    this.cursor = b.cursor;
    this.limit = b.limit;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Severities to include; empty means all. */
  public Set<Severity> severities() {
    return severities;
  }

  public Optional<String> rule() {
    return Optional.ofNullable(rule);
  }

  public Optional<String> asset() {
    return Optional.ofNullable(asset);
  }

  public Optional<String> assessment() {
    return Optional.ofNullable(assessment);
  }

  /** Statuses to include; empty means new and open (resolved ones only when asked for). */
  public Set<FindingStatus> statuses() {
    return statuses;
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  public int limit() {
    return limit;
  }

  String filters() {
    return String.join("|", "f",
        severities.stream().map(Severity::id).sorted().collect(Collectors.joining(",")),
        rule().orElse(""), asset().orElse(""), assessment().orElse(""),
        statuses.stream().map(FindingStatus::id).sorted().collect(Collectors.joining(",")));
  }

  /** Builds a {@link FindingQuery}; defaults: current unresolved findings, 100 per page. */
  public static final class Builder {
    private final Set<Severity> severities = EnumSet.noneOf(Severity.class);
    private @Nullable String rule;
    private @Nullable String asset;
    private @Nullable String assessment;
    private final Set<FindingStatus> statuses = EnumSet.noneOf(FindingStatus.class);
    private @Nullable String cursor;
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    public Builder severity(Severity severity) {
      severities.add(requireNonNull(severity, "severity"));
      return this;
    }

    public Builder rule(String rule) {
      this.rule = requireNonNull(rule, "rule");
      return this;
    }

    public Builder asset(String asset) {
      this.asset = requireNonNull(asset, "asset");
      return this;
    }

    public Builder assessment(String assessment) {
      this.assessment = requireNonNull(assessment, "assessment");
      return this;
    }

    public Builder status(FindingStatus status) {
      statuses.add(requireNonNull(status, "status"));
      return this;
    }

    public Builder cursor(String cursor) {
      this.cursor = requireNonNull(cursor, "cursor");
      return this;
    }

    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
      }
      this.limit = limit;
      return this;
    }

    public FindingQuery build() {
      return new FindingQuery(this);
    }
  }
}
