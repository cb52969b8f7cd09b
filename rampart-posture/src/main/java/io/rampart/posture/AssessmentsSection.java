package io.rampart.posture;

import io.rampart.core.config.ConfigExtension;
import io.rampart.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code assessments:} of rampart.yaml, bound through {@link AssessmentsConfig.Builder} so that
 * every problem is reported against its line; registered with core's config loader through
 * {@code META-INF/services} like the gateway's section.
 *
 * <pre>
 * assessments:
 *   time-zone: UTC
 *   schedules:
 *     - name: estate
 *       cron: "0 *&#47;6 * * *"
 *       sources: [infra/, k8s/rendered.yaml]
 *       source-kind: terraform     # optional
 *       rules: [rules/extra.yaml]  # optional
 *       enabled: true              # optional
 * </pre>
 */
public final class AssessmentsSection implements ConfigExtension<AssessmentsConfig> {
  /** The one instance; the no-argument constructor exists for {@link java.util.ServiceLoader}. */
  public static final AssessmentsSection INSTANCE = new AssessmentsSection();

  public AssessmentsSection() {}

  @Override
  public String key() {
    return "assessments";
  }

  @Override
  public AssessmentsConfig defaults() {
    return AssessmentsConfig.DEFAULT;
  }

  @Override
  public AssessmentsConfig read(ConfigNode node) {
    AssessmentsConfig.Builder b = AssessmentsConfig.builder();
    if (node.allowKeys("time-zone", "schedules")) {
      node.field("time-zone", ConfigNode::asString, b::timeZone);
      node.get("schedules").ifPresent(list -> list.items().forEach(
          s -> schedule(s).ifPresent(b::schedule)));
    }
    return node.build(b::build, AssessmentsConfig.DEFAULT);
  }

  private static Optional<ScheduleConfig> schedule(ConfigNode node) {
    if (!node.allowKeys("name", "cron", "sources", "source-kind", "rules", "enabled")) {
      return Optional.empty();
    }
    Optional<String> name = node.get("name").flatMap(ConfigNode::asString);
    if (name.isEmpty()) {
      node.report("missing key: name (expected: a schedule name)");
      return Optional.empty();
    }
    ScheduleConfig.Builder b;
    try {
      b = ScheduleConfig.builder(name.get());
    } catch (IllegalArgumentException e) {
      node.get("name").orElse(node).report("invalid value (expected: a schedule name)");
      return Optional.empty();
    }
    node.field("cron", ConfigNode::asString, b::cron);
    node.get("sources").ifPresent(list -> list.items().forEach(
        p -> p.asPath().ifPresent(b::source)));
    node.field("source-kind", ConfigNode::asString, b::sourceKind);
    node.get("rules").ifPresent(list -> list.items().forEach(p -> p.asPath().ifPresent(b::rule)));
    node.field("enabled", ConfigNode::asBool, b::enabled);
    try {
      return Optional.of(b.build());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
      if (field.equals("cron") && node.get("cron").isPresent()) {
        return Optional.empty(); // the cron value's own problem is already reported
      }
      int expected = message.lastIndexOf("(expected");
      node.get(field).orElse(node).report((node.get(field).isPresent() ? "invalid value"
          : "missing key: " + field) + (expected < 0 ? "" : " "
          + message.substring(expected)));
      return Optional.empty();
    }
  }

  @Override
  public Object write(AssessmentsConfig value) {
    return ConfigExtension.map("time-zone", value.timeZone().getId(), "schedules",
        value.schedules().stream().map(s -> ConfigExtension.map("name", s.name(), "cron",
            s.cron().toString(), "sources", s.sources().stream().map(Path::toString).toList(),
            "source-kind", s.sourceKind().map(k -> k.id()).orElse("auto"), "rules",
            s.rules().stream().map(Path::toString).toList(), "enabled", s.enabled())).toList());
  }
}
