package io.rampart.cli;

import io.rampart.posture.PostureException;
import io.rampart.posture.ScanRequest;
import io.rampart.posture.ScanRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rampart scan}: discovers AI assets and judges their security posture. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Discover AI assets (Azure JSON, ARM, Terraform, Kubernetes, code) and report "
        + "posture findings and attack paths. Exit code 1 when a finding is at or above --fail-on.")
final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (with --source azure: subscription IDs).")
  List<String> paths = new ArrayList<>();

  @Option(names = "--source", paramLabel = "SOURCE", description = "azure, arg-json, arm, terraform, k8s or code (default: detected per file)")
  String source = "";

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif, html, csv or cyclonedx")
  String format = "";

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "low, medium, high or critical (default: never fail)")
  String failOn = "";

  @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule files (YAML with CEL conditions), repeatable.")
  List<String> rules = new ArrayList<>();

  @Override
  public Integer call() {
    ScanRequest request;
    try {
      request = ScanRequest.parse(paths, source, format, failOn, rules);
    } catch (PostureException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    // collected and handed to picocli's writers so output goes wherever the command line sends it
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = ScanRunner.create(Clock.systemUTC()).run(request, o, e);
    }
    spec.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().print(err.toString(StandardCharsets.UTF_8));
    spec.commandLine().getErr().flush();
    return code;
  }
}
