package io.rampart.cli.dlp;

import io.rampart.dlp.DlpEngine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * In-process throughput of the whole-file path of {@code rampart dlp scan} (FileScan: block
 * reads, UTF-8 decoding, streaming scanner, findings to a sink), one thread, in MB per
 * CPU-second of that thread, per pass over a directory: the steady state without JVM start-up
 * and JIT warm-up. In package io.rampart.cli.dlp for FileScan; compiled by bench/dlp/run.sh.
 * usage: java -cp DEPS:dlp-classes:cli-classes io.rampart.cli.dlp.FileScanBench DIR [passes]
 */
public class FileScanBench {
  public static void main(String[] a) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(a[0]))) {
      files = s.sorted().toList();
    }
    long bytes = 0;
    for (Path p : files) {
      bytes += Files.size(p);
    }
    int passes = a.length > 1 ? Integer.parseInt(a[1]) : 5;
    DlpEngine engine = DlpEngine.create();
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int k = 0; k < passes; k++) {
      long c0 = bean.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      AtomicLong n = new AtomicLong();
      for (Path p : files) {
        FileScan.scan(engine, p, batch -> n.addAndGet(batch.size()));
      }
      double cpu = (bean.getCurrentThreadCpuTime() - c0) / 1e9;
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.printf("pass %d: %.1f MB/cpu-s, %.1f MB/s wall, findings %d%n", k,
          bytes / 1e6 / cpu, bytes / 1e6 / wall, n.get());
    }
  }
}
