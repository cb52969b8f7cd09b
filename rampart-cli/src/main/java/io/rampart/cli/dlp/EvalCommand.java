package io.rampart.cli.dlp;

import io.rampart.dlp.Evaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart dlp eval}: per-type precision, recall and F1 on labeled JSONL. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate detection on labeled JSONL ({text, entities:[{type,start,end}]},"
        + " code point offsets; a finding matches an entity of the same type it overlaps).")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Parameters(paramLabel = "FILE.jsonl") Path file;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    Evaluation.Report r = Evaluation.evaluate(engineOptions.engine(), file);
    var out = spec.commandLine().getOut();
    out.print(Evaluation.format(r));
    out.printf("%d documents in %.1f s%n", r.documents(), (System.nanoTime() - t0) / 1e9);
    out.flush();
    return 0;
  }
}
