package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {
  private static EvalReport.Scored row(boolean attack, double score) {
    return new EvalReport.Scored(attack, score, score >= 0.5, 1_000L * (long) (score * 100), score < 0.2);
  }

  @Test
  void computesClassificationMetrics() {
    EvalReport r = EvalReport.of(List.of(row(true, 0.9), row(true, 0.8), row(true, 0.3), row(false, 0.6),
        row(false, 0.1), row(false, 0.05), row(false, 0.2)));
    assertThat(r.precision()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.recall()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.falsePositiveRate()).isCloseTo(0.25, within(1e-9));
    // 3 attacks x 4 benign pairs; 0.3 beats 0.1, 0.05 and 0.2; 0.9 and 0.8 beat all.
    assertThat(r.rocAuc()).isCloseTo(11 / 12.0, within(1e-9));
    assertThat(r.recallAt1PctFpr()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.latencyP50Micros()).isEqualTo(30);
    assertThat(r.toText()).contains("roc-auc: 0.9167").contains("false-positive-rate: 0.2500");
  }
}
