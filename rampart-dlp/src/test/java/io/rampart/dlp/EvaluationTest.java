package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  void heldOutFixtureMeetsQualityTargets() throws URISyntaxException {
    Path fixture = Path.of(getClass().getResource("/heldout-small.jsonl").toURI());
    Evaluation.Report r = Evaluation.evaluate(DlpEngine.create(), fixture);
    assertThat(r.documents()).isEqualTo(150);
    assertThat(r.micro().precision()).isGreaterThanOrEqualTo(0.97);
    assertThat(r.micro().f1()).isGreaterThanOrEqualTo(0.95);
    for (String t : new String[] {"CREDIT_CARD", "IBAN_CODE", "IN_AADHAAR", "BR_CPF", "ES_NIF"}) {
      assertThat(r.perType().get(t).recall()).as(t).isGreaterThanOrEqualTo(0.9);
    }
    assertThat(Evaluation.format(r)).contains("MICRO");
  }
}
