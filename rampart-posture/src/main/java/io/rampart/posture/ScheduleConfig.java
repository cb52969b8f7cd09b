package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.discovery.DiscoveryException;
import io.rampart.discovery.SourceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled assessment of rampart.yaml's {@code assessments.schedules}: when it runs
 * (cron), which paths it scans, optionally which source kind and which extra rule files.
 *
 * @param name unique name; also the scope its runs are compared within
 * @param enabled false keeps the schedule for manual runs only
 */
public record ScheduleConfig(String name, CronExpression cron, List<Path> sources,
    Optional<SourceKind> sourceKind, List<Path> rules, boolean enabled) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public ScheduleConfig {
    requireNonNull(name, "name");
    if (!NAME.matcher(name).matches() || name.equals("manual")) {
      throw new IllegalArgumentException("name: " + name
          + " (expected: lower-case letters, digits and ._- up to 64, not 'manual')");
    }
    requireNonNull(cron, "cron");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("sources: none (expected: at least one path)");
    }
    requireNonNull(sourceKind, "sourceKind");
    rules = List.copyOf(rules);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** What one run of this schedule does. */
  public AssessmentPlan plan() {
    return new AssessmentPlan(name, sources, sourceKind, rules);
  }

  /** Builds a {@link ScheduleConfig}; setters throw {@code field: value (expected: ...)}. */
  public static final class Builder {
    private final String name;
    private @Nullable CronExpression cron;
    private final List<Path> sources = new ArrayList<>();
    private @Nullable SourceKind sourceKind;
    private final List<Path> rules = new ArrayList<>();
    private boolean enabled = true;

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
    }

    public Builder cron(String expression) {
      try {
        this.cron = CronExpression.parse(expression);
      } catch (PostureException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      return this;
    }

    public Builder source(Path path) {
      sources.add(requireNonNull(path, "path"));
      return this;
    }

    public Builder sourceKind(String kind) {
      try {
        this.sourceKind = SourceKind.parse(kind);
      } catch (DiscoveryException e) {
        throw new IllegalArgumentException(e.getMessage().replaceFirst("^source:", "source-kind:"),
            e);
      }
      return this;
    }

    public Builder rule(Path path) {
      rules.add(requireNonNull(path, "path"));
      return this;
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public ScheduleConfig build() {
      if (cron == null) {
        throw new IllegalArgumentException("cron: missing (expected: a cron expression such as"
            + " 0 */6 * * *)");
      }
      return new ScheduleConfig(name, cron, sources, Optional.ofNullable(sourceKind), rules,
          enabled);
    }
  }
}
