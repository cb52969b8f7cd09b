package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the real MiniLM encoder and the bundled head (loaded once, from the classpath). */
class ModelIntegrationTest {

  @Test
  void encoderIsOfflineNormalisedAndBounded() {
    MiniLmEmbedder e = MiniLmEmbedder.load(64);
    float[] a = e.embed("hello world");
    double norm = 0;
    for (float x : a) {
      norm += x * x;
    }
    assertThat(a).hasSize(384);
    assertThat(norm).isBetween(0.99, 1.01);
    assertThat(e.embed("hello world")).containsExactly(a);
    assertThat(e.embed("word ".repeat(50_000))).hasSize(384);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl"})
  void heldOutFixturesMeetTargets(String fixture) {
    List<Sample> samples = Sample.readJsonl(Path.of("src/test/resources/guard", fixture));
    EvalReport r = GuardBatch.create(GuardEngine.create(GuardConfig.defaults())).evaluate(samples);
    assertThat(r.samples()).isEqualTo(samples.size());
    assertThat(r.recall()).as(r.toText()).isGreaterThanOrEqualTo(0.9);
    assertThat(r.falsePositiveRate()).as(r.toText()).isLessThanOrEqualTo(0.05);
  }
}
