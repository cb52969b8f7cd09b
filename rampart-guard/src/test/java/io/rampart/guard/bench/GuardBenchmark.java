package io.rampart.guard.bench;

import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Sample;
import io.rampart.guard.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one verdict over a prompt mix, one thread. {@code fast} is the fast tier alone
 * (model disabled); {@code full} routes unsure prompts to the MiniLM tier. The mix is read from
 * {@code -Dguard.bench.data} (JSON Lines, default: the held-out fixtures); each invocation scores
 * the next prompt, so the sample-time percentiles are over the mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Threads(1)
public class GuardBenchmark {

  @Param({"fast", "full"})
  public String tier;

  private GuardEngine engine;
  private List<String> prompts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    String data = System.getProperty("guard.bench.data",
        "src/test/resources/guard/heldout.jsonl,src/test/resources/guard/heldout2.jsonl");
    prompts = java.util.Arrays.stream(data.split(","))
        .flatMap(f -> Sample.readJsonl(Path.of(f)).stream()).map(Sample::text).toList();
    GuardConfig.Builder b = GuardConfig.builder();
    if (tier.equals("fast")) {
      b.model(GuardConfig.ModelMode.DISABLED);
    }
    engine = GuardEngine.create(b.build());
  }

  @Benchmark
  public Verdict inspectPrompt() {
    String p = prompts.get(next);
    next = next + 1 == prompts.size() ? 0 : next + 1;
    return engine.inspectPrompt(p);
  }
}
