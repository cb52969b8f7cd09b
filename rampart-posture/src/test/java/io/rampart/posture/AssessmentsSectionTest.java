package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.ConfigPrinter;
import io.rampart.core.config.RampartConfig;
import io.rampart.discovery.SourceKind;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code assessments:} in rampart.yaml, found by core's loader through ServiceLoader. */
class AssessmentsSectionTest {
  static final Path BASE = Path.of("/etc/rampart");

  static RampartConfig load(String yaml) {
    return ConfigLoader.parse(yaml, "rampart.yaml", BASE, Map.of("ESTATE", "/srv/estate"));
  }

  @Test
  void schedulesBindWithPathsRelativeToTheConfigFile() {
    AssessmentsConfig c = load("""
        assessments:
          time-zone: Europe/Berlin
          schedules:
            - name: estate
              cron: "0 */6 * * *"
              sources: [infra, "${ESTATE}/k8s"]
              source-kind: terraform
              rules: [rules/extra.yaml]
            - name: code
              cron: "@daily"
              sources: [/srv/repo]
              enabled: false
        """).extension(AssessmentsSection.INSTANCE);

    assertThat(c.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    ScheduleConfig estate = c.schedule("estate").orElseThrow();
    assertThat(estate.cron()).hasToString("0 */6 * * *");
    assertThat(estate.sources()).containsExactly(BASE.resolve("infra"),
        Path.of("/srv/estate/k8s"));
    assertThat(estate.sourceKind()).contains(SourceKind.TERRAFORM);
    assertThat(estate.rules()).containsExactly(BASE.resolve("rules/extra.yaml"));
    assertThat(estate.plan().scope()).isEqualTo("estate");
    assertThat(c.schedule("code").orElseThrow().enabled()).isFalse();
    assertThat(c.schedule("code").orElseThrow().sourceKind()).isEmpty();
  }

  @Test
  void absentSectionMeansNoSchedules() {
    assertThat(load("server:\n  port: 0\n").extension(AssessmentsSection.INSTANCE))
        .isEqualTo(AssessmentsConfig.DEFAULT);
  }

  @Test
  void problemsAreReportedWithTheirLines() {
    assertThatThrownBy(() -> load("""
        assessments:
          schedules:
            - name: estate
              cron: "0 */6 * *"
              sources: [infra]
            - name: Bad Name
              cron: "@daily"
              sources: [x]
            - name: nosources
              cron: "@daily"
            - name: kind
              cron: "@daily"
              sources: [x]
              source-kind: cloud
              schedule: often
        """)).isInstanceOf(ConfigException.class).satisfies(e -> {
          String m = e.getMessage();
          assertThat(m).contains("rampart.yaml:4").contains("five fields");
          assertThat(m).contains("rampart.yaml:6");
          assertThat(m).contains("rampart.yaml:9").contains("sources");
          assertThat(m).contains("rampart.yaml:14").contains("azure, arg-json");
          assertThat(m).contains("rampart.yaml:15").contains("unknown key");
        });
  }

  @Test
  void duplicateNamesAreRefused() {
    assertThatThrownBy(() -> load("""
        assessments:
          schedules:
            - {name: a, cron: "@daily", sources: [x]}
            - {name: a, cron: "@hourly", sources: [y]}
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("unique schedule names");
  }

  @Test
  void printedConfigurationShowsTheSchedules() {
    RampartConfig c = load("""
        assessments:
          schedules:
            - {name: a, cron: "@daily", sources: [x]}
        """);
    assertThat(ConfigPrinter.describe(c)).contains("assessments:").contains("cron: '@daily'")
        .doesNotContain("Optional");
    assertThat(c.extension(AssessmentsSection.INSTANCE).schedules().getFirst().sourceKind())
        .isEqualTo(Optional.empty());
  }
}
