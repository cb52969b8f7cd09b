package io.rampart.cli.dlp;

import io.rampart.dlp.Classification;
import io.rampart.dlp.Finding;
import io.rampart.dlp.StreamFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    PrintWriter out = spec.commandLine().getOut();
    // the classifier needs each finding's type and confidence only: values and offsets are not
    // kept, so a file full of findings costs one small record per finding
    List<Finding> findings = new ArrayList<>();
    Optional<String> note = FileScan.scan(engineOptions.engine(), path, batch -> {
      for (StreamFinding f : batch) {
        findings.add(new Finding(f.type(), 0, 1, f.confidence(), f.score(), f.detector()));
      }
    });
    note.ifPresent(n -> {
      spec.commandLine().getErr().println("note: " + path + ": " + n);
      findings.clear();
    });
    Classification c = engineOptions.settings().classifier().classify(findings);
    out.println(c.label().id());
    c.reasons().forEach(reason -> out.println("  " + reason));
    out.flush();
    return 0;
  }
}
