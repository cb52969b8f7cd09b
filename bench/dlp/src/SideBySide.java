import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Side-by-side throughput and accuracy of two builds of rampart-dlp (e.g. the last commit and the
 * working tree), each in its own class loader, alternating rounds in one process so machine load
 * hits both alike. Reports per-round medians and the ratio.
 * usage: java -cp DEPS:bench-classes SideBySide A=classesDirA B=classesDirB DEV_JSONL CORPUS_DIR
 *        [HELDOUT_JSONL] [rounds] [corpusMB]
 */
public class SideBySide {
  record Engine(String name, Object engine, Method scan, Class<?> eval, ClassLoader cl) {}

  public static void main(String[] a) throws Exception {
    List<Engine> engines = new ArrayList<>();
    for (String spec : a[0].split(",")) {
      String[] kv = spec.split("=", 2);
      ClassLoader cl = new URLClassLoader(new URL[] {Path.of(kv[1]).toUri().toURL()},
          SideBySide.class.getClassLoader());
      Class<?> api = cl.loadClass("io.rampart.dlp.DlpEngine");
      Object e = api.getMethod("create").invoke(null);
      engines.add(new Engine(kv[0], e, api.getMethod("scan", CharSequence.class),
          cl.loadClass("io.rampart.dlp.Evaluation"), cl));
    }
    Path dev = Path.of(a[1]);
    Path corpus = Path.of(a[2]);
    Path held = a.length > 3 && !a[3].equals("-") ? Path.of(a[3]) : null;
    int rounds = a.length > 4 ? Integer.parseInt(a[4]) : 7;
    int corpusMb = a.length > 5 ? Integer.parseInt(a[5]) : 8;

    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> devDocs = new ArrayList<>();
    for (String l : Files.readAllLines(dev)) {
      if (!l.isBlank()) {
        devDocs.add(m.readTree(l).get("text").asText());
      }
    }
    // the mixed corpus is scanned in 64 KiB documents, like a request body or a stream window
    List<String> mixDocs = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.sorted().limit(corpusMb).toList()) {
        String t = Files.readString(f);
        for (int i = 0; i < t.length(); i += 65536) {
          mixDocs.add(t.substring(i, Math.min(t.length(), i + 65536)));
        }
      }
    }
    for (Engine e : engines) {
      for (Path p : held == null ? List.of(dev) : List.of(dev, held)) {
        Object r = e.eval.getMethod("evaluate", e.cl.loadClass("io.rampart.dlp.DlpEngine"), Path.class)
            .invoke(null, e.engine, p);
        Object micro = r.getClass().getMethod("micro").invoke(r);
        Method pr = micro.getClass().getMethod("precision");
        Method rc = micro.getClass().getMethod("recall");
        Method f1 = micro.getClass().getMethod("f1");
        System.out.printf("accuracy %-6s %-14s P=%.4f R=%.4f F1=%.4f%n", e.name, p.getFileName(),
            pr.invoke(micro), rc.invoke(micro), f1.invoke(micro));
        if (Boolean.getBoolean("table")) {
          System.out.print(e.eval.getMethod("format", r.getClass()).invoke(null, r));
        }
      }
    }
    for (var set : List.of(List.of("dev", devDocs), List.of("mixed", mixDocs))) {
      String name = (String) set.get(0);
      @SuppressWarnings("unchecked")
      List<String> docs = (List<String>) set.get(1);
      long bytes = 0;
      for (String d : docs) {
        bytes += d.getBytes(StandardCharsets.UTF_8).length;
      }
      double[][] mbs = new double[engines.size()][rounds];
      long[] sink = new long[1];
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int r = -2; r < rounds; r++) { // two warm-up rounds
        for (int q = 0; q < engines.size(); q++) {
          // alternate the order each round so neither build always runs right after the other
          int k = (r & 1) == 0 ? q : engines.size() - 1 - q;
          Engine e = engines.get(k);
          long t0 = mx.getCurrentThreadCpuTime();
          for (String d : docs) {
            sink[0] += ((List<?>) e.scan.invoke(e.engine, d)).size();
          }
          // CPU time of this thread: the machine is shared, wall time would measure the neighbours
          double s = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
          if (r >= 0) {
            mbs[k][r] = bytes / 1e6 / s;
          }
        }
      }
      StringBuilder line = new StringBuilder(String.format("throughput %-6s %6.2f MB", name, bytes / 1e6));
      double[] med = new double[engines.size()];
      for (int k = 0; k < engines.size(); k++) {
        double[] v = mbs[k].clone();
        Arrays.sort(v);
        med[k] = v[v.length / 2];
        line.append(String.format("  %s median %.1f MB/s per CPU-s (min %.1f max %.1f)", engines.get(k).name,
            med[k], v[0], v[v.length - 1]));
      }
      if (engines.size() == 2) {
        line.append(String.format("  ratio %s/%s %.2fx", engines.get(1).name, engines.get(0).name,
            med[1] / med[0]));
      }
      System.out.println(line + "  (findings " + sink[0] + ")");
    }
  }
}
