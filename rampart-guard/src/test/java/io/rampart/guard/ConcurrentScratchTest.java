package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fast tier's pooled arrays ({@link Scratch}) are shared by all threads: verdicts computed
 * by many virtual threads at once (more than the pool has slots) must be those computed one by
 * one.
 */
class ConcurrentScratchTest {

  private record Outcome(double score, Decision decision, List<Category> categories,
      List<Span> spans) {
    static Outcome of(Verdict v) {
      return new Outcome(v.score(), v.decision(), v.categories(), v.spans());
    }
  }

  @Test
  void concurrentVerdictsEqualSequentialOnes() throws Exception {
    GuardEngine engine =
        GuardEngine.create(GuardConfig.builder().model(GuardConfig.ModelMode.DISABLED).build());
    List<String> prompts = new ArrayList<>();
    for (String f : List.of("heldout.jsonl", "heldout2.jsonl", "long-benign.jsonl")) {
      Sample.readJsonl(Path.of("src/test/resources/guard", f)).forEach(s -> prompts.add(s.text()));
    }
    List<Outcome> expected = prompts.stream().map(p -> Outcome.of(engine.inspectPrompt(p))).toList();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Outcome>>> runs = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        int offset = t;
        runs.add(pool.submit(() -> {
          List<Outcome> got = new ArrayList<>();
          for (int k = 0; k < prompts.size(); k++) {
            got.add(null);
          }
          // Each thread walks the prompts from a different place, so sizes interleave.
          for (int k = 0; k < prompts.size(); k++) {
            int i = (k + offset * 7) % prompts.size();
            got.set(i, Outcome.of(engine.inspectPrompt(prompts.get(i))));
          }
          return got;
        }));
      }
      for (Future<List<Outcome>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    }
  }
}
