package io.rampart.cli.dlp;

import io.rampart.dlp.Classification;
import io.rampart.dlp.Finding;
import io.rampart.dlp.StreamFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart dlp classify}: the sensitivity label of a file and the reasons for it. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Print the sensitivity label of PATH and why.")
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Parameters(paramLabel = "PATH") Path path;

  @Override
  public Integer call() {
    FileScan.Result r = FileScan.scan(engineOptions.engine(), path);
    PrintWriter out = spec.commandLine().getOut();
    r.note().ifPresent(n -> spec.commandLine().getErr().println("note: " + path + ": " + n));
    List<Finding> findings = new ArrayList<>();
    for (StreamFinding f : r.findings()) {
      // offsets are irrelevant to classification; clamp so huge files fit the int record
      int s = (int) Math.min(Integer.MAX_VALUE - 1, f.start());
      findings.add(new Finding(f.type(), s, s + 1, f.confidence(), f.score(), f.detector()));
    }
    Classification c = engineOptions.settings().classifier().classify(findings);
    out.println(c.label().id());
    c.reasons().forEach(reason -> out.println("  " + reason));
    out.flush();
    return 0;
  }
}
