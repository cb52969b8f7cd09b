package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.ConfigPrinter;
import io.rampart.core.config.RampartConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlpSectionTest {
  @TempDir Path dir;

  private RampartConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, "rampart.yaml", dir, env);
  }

  @Test
  void bindsEngineRedactionAndClassificationThroughTheServiceLoader() throws Exception {
    Files.writeString(dir.resolve("ids.yaml"), """
        detectors:
          - id: employee-id
            type: EMPLOYEE_ID
            regex: 'EMP-[0-9]{6}'
            confidence: high
        """);
    RampartConfig c = parse("""
        dlp:
          min-confidence: medium
          disabled-types: [PERSON]
          stream-window: 4096
          custom-detectors: [ids.yaml]
          redaction:
            default-action: mask
            actions: {EMAIL_ADDRESS: replace, US_SSN: hash}
            hmac-key: ${DLP_KEY}
          classification:
            - {label: highly-confidential, types: [EMPLOYEE_ID], min-confidence: high}
        """, Map.of("DLP_KEY", "k3y-material-1"));
    DlpSettings s = c.extension(DlpSection.INSTANCE);

    assertThat(s.engine().minConfidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(s.engine().disabledTypes()).containsExactly("PERSON");
    assertThat(s.engine().streamWindow()).isEqualTo(4096);
    assertThat(s.detectorFiles()).containsExactly(dir.resolve("ids.yaml").toAbsolutePath());
    assertThat(s.redaction().actionFor("US_SSN")).isInstanceOf(RedactionAction.Hash.class);
    assertThat(s.redaction().actionFor("CREDIT_CARD")).isInstanceOf(RedactionAction.Mask.class);
    assertThat(s.redaction().hmacKey().toString()).doesNotContain("k3y-material-1");
    List<Finding> found = DlpEngine.create(s.engine()).scan("badge EMP-123456 issued");
    assertThat(found).extracting(Finding::type).containsExactly("EMPLOYEE_ID");
    assertThat(s.classifier().classify(found).label())
        .isEqualTo(SensitivityLabel.HIGHLY_CONFIDENTIAL);
    assertThat(ConfigPrinter.describe(c)).contains("dlp").doesNotContain("k3y-material-1");
  }

  @Test
  void absentSectionGivesDefaults() {
    DlpSettings s = parse("server: {port: 0}\n", Map.of()).extension(DlpSection.INSTANCE);
    assertThat(s).isEqualTo(DlpSettings.defaults());
    assertThat(s.classifier().rules()).isEqualTo(Classifier.createDefault().rules());
  }

  @Test
  void problemsAreReportedWithTheirLines() {
    assertThatThrownBy(() -> parse("""
        dlp:
          min-confidence: very
          redaction:
            actions: {US_SSN: shred}
          classification:
            - {types: [US_SSN]}
          stream-window: 5
        """, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:2: dlp.min-confidence: invalid value (expected: low,"
            + " medium, high)")
        .hasMessageContaining("rampart.yaml:4: dlp.redaction.actions.US_SSN: invalid value"
            + " (expected: mask, replace, hash, pseudonymize, block)")
        .hasMessageContaining("rampart.yaml:6: dlp.classification[0]: missing key: label")
        .hasMessageContaining("rampart.yaml:7: dlp.stream-window: stream-window: 5 (expected:"
            + " 1024..1048576)");
  }

  @Test
  void hashWithoutKeyAndBrokenDetectorFilesFailAtLoad() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "detectors:\n  - id: x\n    regex: '('\n");
    assertThatThrownBy(() -> parse("dlp:\n  redaction:\n    default-action: hash\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("hmac-key");
    assertThatThrownBy(() -> parse("dlp:\n  custom-detectors: [bad.yaml]\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bad.yaml");
  }
}
