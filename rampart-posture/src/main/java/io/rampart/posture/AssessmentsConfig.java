package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * rampart.yaml's {@code assessments:} section: scheduled, stored assessments.
 *
 * @param timeZone the zone cron expressions are read in (default UTC)
 * @param schedules unique by name
 */
public record AssessmentsConfig(ZoneId timeZone, List<ScheduleConfig> schedules) {
  public static final AssessmentsConfig DEFAULT = new AssessmentsConfig(ZoneOffset.UTC, List.of());

  public AssessmentsConfig {
    requireNonNull(timeZone, "timeZone");
    schedules = List.copyOf(schedules);
    Set<String> names = new HashSet<>();
    for (ScheduleConfig s : schedules) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("schedules: " + s.name()
            + " twice (expected: unique schedule names)");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<ScheduleConfig> schedule(String name) {
    return schedules.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Builds an {@link AssessmentsConfig}. */
  public static final class Builder {
    private ZoneId timeZone = ZoneOffset.UTC;
    private final List<ScheduleConfig> schedules = new ArrayList<>();

    private Builder() {}

    public Builder timeZone(String zone) {
      try {
        this.timeZone = ZoneId.of(zone.strip());
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("time-zone: " + zone
            + " (expected: a zone ID such as UTC or Europe/Berlin)", e);
      }
      return this;
    }

    public Builder schedule(ScheduleConfig schedule) {
      schedules.add(requireNonNull(schedule, "schedule"));
      return this;
    }

    public AssessmentsConfig build() {
      return new AssessmentsConfig(timeZone, schedules);
    }
  }
}
