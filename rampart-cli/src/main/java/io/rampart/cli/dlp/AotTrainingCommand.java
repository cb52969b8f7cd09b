package io.rampart.cli.dlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rampart dlp aot-training DIR} (hidden): writes the input of the launcher's JDK AOT cache
 * training run ({@code ./rampart} then runs {@code dlp scan} over it under
 * {@code -XX:AOTCacheOutput}). The text is generated traffic (mixed prose, code, logs and JSON
 * rows from {@code bench/dlp/gen_corpus.py --seed 42}, dense documents from
 * {@code gen_heldout.py --seed 101}; neither is an evaluation set), so the cached method profiles
 * have seen the detectors' branches before C2 compiles them. Each file starts at another offset so
 * that scan windows end in different places.
 */
@Command(name = "aot-training", hidden = true,
    description = "Write the AOT cache training corpus to DIR (used by the ./rampart launcher).")
final class AotTrainingCommand implements Callable<Integer> {
  static final String RESOURCE = "aot-training.txt.gz";

  @Spec CommandSpec spec;

  @Option(names = "--mb", defaultValue = "24", description = "Megabytes to write.")
  int mb = 24;

  @Parameters(index = "0", paramLabel = "DIR")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (mb < 1 || mb > 1024) {
      throw new ParameterException(spec.commandLine(), "--mb: " + mb + " (expected: 1..1024)");
    }
    String text = text();
    Files.createDirectories(dir);
    int fileChars = 1 << 20;
    for (int f = 0; f < mb; f++) {
      // rotate the text by a different amount per file: different window boundaries
      int shift = (int) ((f * 7_919L * 131) % text.length());
      StringBuilder b = new StringBuilder(fileChars + text.length());
      b.append(text, shift, text.length());
      while (b.length() < fileChars) {
        b.append(text);
      }
      b.setLength(fileChars);
      Files.writeString(dir.resolve(String.format("train-%03d.txt", f)), b,
          StandardCharsets.UTF_8);
    }
    return 0;
  }

  static String text() {
    try (InputStream in = AotTrainingCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource: " + RESOURCE + " (expected: in the jar)");
      }
      return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
