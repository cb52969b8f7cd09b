package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomDetectorsTest {
  private static final String YAML = """
      detectors:
        - id: employee-id
          type: EMPLOYEE_ID
          regex: 'EMP-[0-9]{6}'
          context: [employee]
          confidence: low
          context-confidence: high
        - id: code-names
          type: PROJECT_CODE_NAME
          keywords: [Nightingale, Blue Heron]
        - id: luhn-ids
          type: MEMBER_ID
          regex: 'M[0-9]{8}'
          validator: luhn
      """;

  @Test
  void customDetectorsFindRegexKeywordAndValidatedValues() {
    DlpEngine engine = DlpEngine.create(DlpConfig.builder()
        .customDetectors(CustomDetectors.parse(YAML, "custom.yaml")).build());
    String text = "employee EMP-004211 on project blue heron; " + "words ".repeat(20)
        + "EMP-999999; M00000018 and M00000019";
    List<Finding> f = engine.scan(text);
    assertThat(f).extracting(Finding::type).containsExactly(
        "EMPLOYEE_ID", "PROJECT_CODE_NAME", "EMPLOYEE_ID", "MEMBER_ID");
    assertThat(f.get(0).confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.get(2).confidence()).isEqualTo(Confidence.LOW);
    assertThat(f.get(3).value(text)).isEqualTo("M00000018");
  }

  @Test
  void invalidRegexFailsAtLoadWithFileAndLine() {
    String bad = "detectors:\n  - id: x\n    type: X\n    regex: 'EMP-[0-9'\n";
    assertThatThrownBy(() -> CustomDetectors.parse(bad, "org.yaml"))
        .isInstanceOf(DlpException.class).hasMessageStartingWith("org.yaml:4: regex");
  }

  @Test
  void unknownKeyAndMissingTypeFailAtLoad() {
    assertThatThrownBy(() -> CustomDetectors.parse("detectors:\n  - id: x\n    colour: red\n", "a.yaml"))
        .hasMessageStartingWith("a.yaml:3: key: colour");
    assertThatThrownBy(() -> CustomDetectors.parse("detectors:\n  - id: x\n    regex: a\n", "b.yaml"))
        .hasMessageStartingWith("b.yaml:2: detector: missing type");
  }

  @Test
  void catastrophicRegexFailsClosedInsteadOfHanging() {
    List<CustomDetector> d = CustomDetectors.parse(
        "detectors:\n  - id: evil\n    type: EVIL\n    regex: '(a+)+b'\n", "evil.yaml");
    DlpEngine engine = DlpEngine.create(DlpConfig.builder().customDetectors(d).build());
    assertThatThrownBy(() -> engine.scan("a".repeat(5000) + "c"))
        .isInstanceOf(DlpException.class).hasMessageContaining("match budget");
  }
}
