package io.rampart.cli.dlp;

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

  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
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
    List<FileScan.Result> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<FileScan.Result>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(pool.submit(() -> FileScan.scan(engine, f)));
      }
      for (Future<FileScan.Result> fu : futures) {
        FileScan.Result r = fu.get();
        r.note().ifPresent(n -> err.println("note: " + r.path() + ": " + n));
        if (format == Format.jsonl || format == Format.text) {
          r.findings().forEach(f -> print(out, r.path(), f));
          results.add(new FileScan.Result(r.path(), List.of(), r.note()));
          countInto(r, threshold);
        } else {
          results.add(r);
          countInto(r, threshold);
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (format == Format.json) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(jsonReport(results)));
    } else if (format == Format.sarif) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Sarif.report(results)));
    }
    out.flush();
    return failing > 0 ? 1 : 0;
  }

  private int failing;

  private void countInto(FileScan.Result r, Confidence threshold) {
    if (threshold != null) {
      failing += (int) r.findings().stream()
          .filter(f -> f.confidence().compareTo(threshold) >= 0).count();
    }
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
    ObjectNode n = JSON.createObjectNode();
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

  private void print(PrintWriter out, Path path, StreamFinding f) {
    if (format == Format.jsonl) {
      out.println(node(path, f).toString());
    } else {
      out.println(String.format(Locale.ROOT, "%s:%d-%d %s %s %.2f%s", path, f.codePointStart(),
          f.codePointEnd(), f.type(), f.confidence().id(), f.score(),
          showValues ? " " + f.value() : ""));
    }
  }

  private ObjectNode jsonReport(List<FileScan.Result> results) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode findings = root.putArray("findings");
    ArrayNode notes = root.putArray("notes");
    for (FileScan.Result r : results) {
      r.findings().forEach(f -> findings.add(node(r.path(), f)));
      r.note().ifPresent(n -> notes.addObject().put("path", r.path().toString()).put("note", n));
    }
    return root;
  }
}
