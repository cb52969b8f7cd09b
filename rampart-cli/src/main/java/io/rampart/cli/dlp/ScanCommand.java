package io.rampart.cli.dlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * Built on first use (json and sarif reports): loading Jackson databind costs a few hundred
   * classes and a good part of a second of CPU at startup, which jsonl and text output never need.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

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

  @Option(names = "--threads", description = "Worker threads (default: all cores). With more"
      + " than one, jsonl and text lines of different files may interleave; each names its path.")
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
    List<FileScan.Result> results = new ArrayList<>();
    AtomicLong failing = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<FileScan.Result>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(pool.submit(() -> streamed
            ? streamOne(engine, f, out, threshold, failing)
            : count(FileScan.scan(engine, f), threshold, failing)));
      }
      for (Future<FileScan.Result> fu : futures) {
        FileScan.Result r = fu.get();
        r.note().ifPresent(n -> err.println("note: " + r.path() + ": " + n));
        if (!streamed) {
          results.add(r);
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (format == Format.json || format == Format.sarif) {
      Object report = format == Format.json ? jsonReport(results) : Sarif.report(results);
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
    out.flush();
    return failing.get() > 0 ? 1 : 0;
  }

  /** Output a worker collects before writing it out in one piece (bounded, whatever the file). */
  private static final int FLUSH_AT = 1 << 18;

  /**
   * Scans one file and writes its findings as they become final: nothing is kept per file, so
   * memory does not grow with the file or its findings. A file's lines are written in batches
   * under the writer's lock; with several threads, batches of different files may interleave
   * (each line names its path).
   */
  private FileScan.Result streamOne(DlpEngine engine, Path path, PrintWriter out,
      Confidence threshold, AtomicLong failing) {
    StringBuilder lines = new StringBuilder();
    String quotedPath = quote(path.toString());
    java.util.Optional<String> note = FileScan.scan(engine, path, batch -> {
      for (StreamFinding f : batch) {
        if (threshold != null && f.confidence().compareTo(threshold) >= 0) {
          failing.incrementAndGet();
        }
        line(lines, path, quotedPath, f);
      }
      if (lines.length() >= FLUSH_AT) {
        write(out, lines);
      }
    });
    write(out, lines);
    return new FileScan.Result(path, List.of(), note);
  }

  private static void write(PrintWriter out, StringBuilder lines) {
    if (!lines.isEmpty()) {
      synchronized (out) {
        out.append(lines);
      }
      lines.setLength(0);
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

  ObjectNode node(Path path, StreamFinding f) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("path", path.toString());
    n.put("type", f.type());
    n.put("start", f.codePointStart());
    n.put("end", f.codePointEnd());
    n.put("confidence", f.confidence().id());
    n.put("score", f.score());
    if (showValues) {
      n.put("value", f.value());
    }
    return n;
  }

  /** One line of jsonl (the same fields and order as {@link #node}) or text output. */
  private void line(StringBuilder b, Path path, String quotedPath, StreamFinding f) {
    if (format == Format.jsonl) {
      b.append("{\"path\":").append(quotedPath).append(",\"type\":").append(quote(f.type()))
          .append(",\"start\":").append(f.codePointStart())
          .append(",\"end\":").append(f.codePointEnd())
          .append(",\"confidence\":\"").append(f.confidence().id())
          .append("\",\"score\":").append(f.score());
      if (showValues) {
        b.append(",\"value\":").append(quote(f.value()));
      }
      b.append("}").append(System.lineSeparator());
    } else {
      b.append(String.format(Locale.ROOT, "%s:%d-%d %s %s %.2f%s", path, f.codePointStart(),
          f.codePointEnd(), f.type(), f.confidence().id(), f.score(),
          showValues ? " " + f.value() : "")).append(System.lineSeparator());
    }
  }

  private ObjectNode jsonReport(List<FileScan.Result> results) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode findings = root.putArray("findings");
    ArrayNode notes = root.putArray("notes");
    for (FileScan.Result r : results) {
      r.findings().forEach(f -> findings.add(node(r.path(), f)));
      r.note().ifPresent(n -> notes.addObject().put("path", r.path().toString()).put("note", n));
    }
    return root;
  }
}
