package io.rampart.cli.dlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.rampart.dlp.Confidence;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.StreamFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart dlp scan}: findings in files and directories, scanned in parallel. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Scan files and directories for sensitive data. Exit 0: nothing at or above"
        + " --fail-on; 1: findings at or above it; 2: usage error.")
final class ScanCommand implements java.util.concurrent.Callable<Integer> {
  enum Format { text, json, jsonl, sarif }

  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|jsonl|sarif",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--fail-on", defaultValue = "none", paramLabel = "none|low|medium|high",
      description = "Exit 1 when a finding reaches this confidence (default: ${DEFAULT-VALUE}).")
  String failOn = "none";

  @Option(names = "--show-values", description = "Print matched values (off by default).")
  boolean showValues;

  @Option(names = "--threads", description = "Worker threads (default: all cores). Each"
      + " file's jsonl and text lines come out together, in the order files finish.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Confidence threshold = failOn.equalsIgnoreCase("none") ? null : parse(failOn);
    List<Path> files = files();
    DlpEngine engine = engineOptions.engine();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean streamed = format == Format.jsonl || format == Format.text;
    int workers = Math.max(1, threads);
    // finished files wait in this queue while another file streams: a few buffers per worker
    ContiguousOutput sink = new ContiguousOutput(out, (long) FLUSH_AT * workers);
    Report report = format == Format.json ? new JsonReport(out, showValues)
        : format == Format.sarif ? new Sarif() : null;
    AtomicLong failing = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<FileScan.Result>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(pool.submit(() -> streamed
            ? streamOne(engine, f, sink, threshold, failing)
            : count(FileScan.scan(engine, f, showValues), threshold, failing)));
      }
      // reports take files in file order; each file's findings are dropped once written
      for (int k = 0; k < futures.size(); k++) {
        FileScan.Result r = futures.get(k).get();
        futures.set(k, null);
        r.note().ifPresent(n -> err.println("note: " + r.path() + ": " + n));
        if (report != null) {
          report.add(r);
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (report != null) {
      report.finish(out);
    }
    out.flush();
    return failing.get() > 0 ? 1 : 0;
  }

  /** A json or sarif report, fed one file at a time in file order. */
  interface Report {
    void add(FileScan.Result r) throws IOException;

    void finish(PrintWriter out) throws IOException;
  }

  /** Output a worker collects before writing it out in one piece (bounded, whatever the file). */
  private static final int FLUSH_AT = 1 << 18;

  /**
   * Scans one file and writes its findings as they become final: nothing is kept per file
   * beyond a bounded buffer, so memory does not grow with the file or its findings. A file's
   * lines come out together, also with several threads (see {@link ContiguousOutput}).
   */
  private FileScan.Result streamOne(DlpEngine engine, Path path, ContiguousOutput sink,
      Confidence threshold, AtomicLong failing) {
    ContiguousOutput.Part part = sink.part();
    String quotedPath = quote(path.toString());
    try {
      java.util.Optional<String> note = FileScan.scan(engine, path, batch -> {
        for (StreamFinding f : batch) {
          if (threshold != null && f.confidence().compareTo(threshold) >= 0) {
            failing.incrementAndGet();
          }
          line(part.lines, path, quotedPath, f);
        }
        if (part.lines.length() >= FLUSH_AT) {
          part.flush();
        }
      });
      return new FileScan.Result(path, List.of(), note);
    } finally {
      part.close();
    }
  }

  private static FileScan.Result count(FileScan.Result r, Confidence threshold,
      AtomicLong failing) {
    if (threshold != null) {
      failing.addAndGet(r.findings().stream()
          .filter(f -> f.confidence().compareTo(threshold) >= 0).count());
    }
    return r;
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  private Confidence parse(String v) {
    try {
      return Confidence.parse(v);
    } catch (RuntimeException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--fail-on: " + v + " (expected: none|low|medium|high)");
    }
  }

  private List<Path> files() {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> !f.toString().contains("/.git/"))
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "PATH: " + p + " (expected: an existing file or directory)");
      }
    }
    return out;
  }

  /**
   * Quoted JSON strings of the finding types (a few dozen) and the text of the scores (two
   * decimals): each line appends cached text instead of escaping the type and formatting a
   * double per finding. Escaping and double formatting inlined into the per-line path were also
   * one of the longest JIT compilations of a scan.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, String> quotedTypes =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final String[] SCORES = new String[101];

  static {
    for (int k = 0; k <= 100; k++) {
      SCORES[k] = String.valueOf(k / 100.0);
    }
  }

  /** {@code String.valueOf(score)}, from the table when the score is one of its values. */
  static String score(double score) {
    long k = Math.round(score * 100);
    return k >= 0 && k <= 100 && k / 100.0 == score ? SCORES[(int) k] : String.valueOf(score);
  }

  /** One line of jsonl (the same fields and order as the json report) or text output. */
  private void line(StringBuilder b, Path path, String quotedPath, StreamFinding f) {
    if (format == Format.jsonl) {
      b.append("{\"path\":").append(quotedPath).append(",\"type\":")
          .append(quotedTypes.computeIfAbsent(f.type(), ScanCommand::quote))
          .append(",\"start\":").append(f.codePointStart())
          .append(",\"end\":").append(f.codePointEnd())
          .append(",\"confidence\":\"").append(f.confidence().id())
          .append("\",\"score\":").append(score(f.score()));
      if (showValues) {
        b.append(",\"value\":").append(quote(f.value()));
      }
      b.append("}").append(System.lineSeparator());
    } else {
      text(b, path, f);
    }
  }

  private void text(StringBuilder b, Path path, StreamFinding f) {
    b.append(String.format(Locale.ROOT, "%s:%d-%d %s %s %.2f%s", path, f.codePointStart(),
        f.codePointEnd(), f.type(), f.confidence().id(), f.score(),
        showValues ? " " + f.value() : "")).append(System.lineSeparator());
  }
}
