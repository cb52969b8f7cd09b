import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.dlp.DlpEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock throughput of rampart-dlp on the dev corpus, in the same shape as
 * redact_pii_bench.js (warm-up, then timed passes, median), for the side-by-side ratio.
 * usage: java -cp ... DevCorpusBench DEV_JSONL [passes]
 */
public class DevCorpusBench {
  public static void main(String[] a) throws Exception {
    ObjectMapper m = new ObjectMapper();
    List<String> docs = new ArrayList<>();
    long bytes = 0;
    for (String l : Files.readAllLines(Path.of(a[0]))) {
      if (l.isBlank()) {
        continue;
      }
      String t = m.readTree(l).get("text").asText();
      docs.add(t);
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    int passes = a.length > 1 ? Integer.parseInt(a[1]) : 5;
    DlpEngine e = DlpEngine.create();
    // warm-up: at least 10 passes and 5 s of process CPU time, as redact_pii_bench.js (CPU, not
    // wall: on a loaded machine 5 s of wall time can be well under a second of work, and the JIT
    // compiler threads share the pinned core with the benchmark)
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long warmCpu = os.getProcessCpuTime() + 5_000_000_000L;
    for (int w = 0; w < 10 || os.getProcessCpuTime() < warmCpu; w++) {
      for (String d : docs) {
        e.scan(d);
      }
    }
    // wall time measures the neighbours on a shared machine; process CPU time (all threads, JIT
    // and GC included, like Node's process.cpuUsage in redact_pii_bench.js) is the fairer figure
    double[] rates = new double[passes];
    double[] cpuRates = new double[passes];
    // a pass is 20 rounds of the corpus: one round takes about one tick of the process CPU clock
    int rounds = 20;
    for (int p = 0; p < passes; p++) {
      long t0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      for (int k = 0; k < rounds; k++) {
        for (String d : docs) {
          e.scan(d);
        }
      }
      rates[p] = rounds * bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
      cpuRates[p] = rounds * bytes / 1e6 / ((os.getProcessCpuTime() - c0) / 1e9);
    }
    Arrays.sort(rates);
    Arrays.sort(cpuRates);
    System.out.printf("rampart-dlp: %.2f MB x 20 x %d passes, median %.2f MB/s (wall), %.2f MB/cpu-s"
        + " (process CPU)%n", bytes / 1e6, passes, rates[passes / 2], cpuRates[passes / 2]);
  }
}
