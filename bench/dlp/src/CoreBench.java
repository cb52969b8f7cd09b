import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.dlp.DlpEngine;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * In-process engine throughput in MB per CPU-second of the scanning thread (JIT and GC threads
 * not counted), for a shared machine where wall time measures the neighbours: the first 32 files
 * of the mixed corpus cut into 64 KiB documents (as DlpScanBenchmark), and the dev corpus (10
 * rounds per pass). Run it alternately on two builds for a before/after ratio.
 * usage: java -cp DEPS:dlp-classes:bench-classes CoreBench CORPUS_DIR DEV_JSONL [passes]
 */
public class CoreBench {
  public static void main(String[] a) throws Exception {
    List<String> mixed = new ArrayList<>();
    long mixedBytes = 0;
    try (Stream<Path> s = Files.list(Path.of(a[0]))) {
      for (Path p : s.sorted().limit(32).toList()) {
        String t = Files.readString(p);
        for (int i = 0; i < t.length(); i += 65536) {
          String d = t.substring(i, Math.min(t.length(), i + 65536));
          mixed.add(d);
          mixedBytes += d.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
    List<String> dev = new ArrayList<>();
    long devBytes = 0;
    ObjectMapper m = new ObjectMapper();
    for (String l : Files.readAllLines(Path.of(a[1]))) {
      if (!l.isBlank()) {
        String t = m.readTree(l).get("text").asText();
        dev.add(t);
        devBytes += t.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    int passes = a.length > 2 ? Integer.parseInt(a[2]) : 11;
    DlpEngine e = DlpEngine.create();
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String name : List.of("mixed", "dev")) {
      List<String> docs = name.equals("mixed") ? mixed : dev;
      long bytes = name.equals("mixed") ? mixedBytes : devBytes;
      int rounds = name.equals("mixed") ? 1 : 10;
      double[] r = new double[passes];
      for (int k = 0; k < passes; k++) {
        long c0 = bean.getCurrentThreadCpuTime();
        for (int q = 0; q < rounds; q++) {
          for (String d : docs) {
            e.scan(d);
          }
        }
        r[k] = rounds * bytes / 1e6 / ((bean.getCurrentThreadCpuTime() - c0) / 1e9);
      }
      // the first passes include JIT warm-up: the median of the second half is reported
      double[] tail = Arrays.copyOfRange(r, passes / 2, passes);
      Arrays.sort(tail);
      System.out.printf("%s: %.1f MB x %d rounds, median of the last %d passes %.1f MB/cpu-s%n",
          name, bytes / 1e6, rounds, tail.length, tail[tail.length / 2]);
    }
  }
}
