package io.rampart.guard.bench;

import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Sample;
import io.rampart.guard.Tier;
import io.rampart.guard.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock and thread CPU time of one verdict over a prompt mix, one thread, default policy:
 * model warm-up and 300 verdicts first, then every prompt of the mix {@code passes} times. CPU
 * time is what a verdict costs independent of other processes on a shared machine (ONNX
 * Runtime runs on the calling thread with one intra-op thread). Run by bench/guard/latency.sh.
 *
 * <p>Arguments: comma-separated JSON Lines files, a label for the output, passes (default 2),
 * and {@code fast} to time the fast tier alone (model tier disabled).
 */
public final class GuardLatencyMix {
  private GuardLatencyMix() {}

  public static void main(String[] args) {
    List<String> texts = new ArrayList<>();
    for (String f : args[0].split(",")) {
      Sample.readJsonl(Path.of(f)).forEach(s -> texts.add(s.text()));
    }
    String label = args.length > 1 ? args[1] : "mix";
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    boolean fastOnly = args.length > 3 && args[3].equals("fast");
    GuardConfig config = GuardConfig.defaults();
    GuardEngine engine =
        GuardEngine.create(fastOnly ? config.withModel(GuardConfig.ModelMode.DISABLED) : config);
    engine.warmUp();
    for (int i = 0; i < 300; i++) {
      engine.inspectPrompt(texts.get(i % texts.size()));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] wall = new long[texts.size() * passes];
    long[] cpu = new long[wall.length];
    int k = 0;
    int model = 0;
    for (int p = 0; p < passes; p++) {
      for (String t : texts) {
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Verdict v = engine.inspectPrompt(t);
        wall[k] = System.nanoTime() - t0;
        cpu[k++] = mx.getCurrentThreadCpuTime() - c0;
        model += v.tier() == Tier.MODEL ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "%s wall %s model-share=%.3f n=%d%n", label, percentiles(wall),
        (double) model / wall.length, wall.length);
    System.out.printf(Locale.ROOT, "%s cpu  %s%n", label, percentiles(cpu));
  }

  private static String percentiles(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "p50=%.3f p90=%.3f p99=%.3f max=%.1f ms", s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.9)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
  }
}
