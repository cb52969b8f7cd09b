package io.rampart.cli.dlp;

import io.rampart.dlp.Confidence;
import io.rampart.dlp.CustomDetectors;
import io.rampart.dlp.DlpConfig;
import io.rampart.dlp.DlpEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the dlp subcommands that build an engine. */
final class EngineOptions {
  @Option(names = "--min-confidence", defaultValue = "low", paramLabel = "low|medium|high",
      converter = ConfidenceConverter.class,
      description = "Report findings at or above this confidence (default: ${DEFAULT-VALUE}).")
  Confidence minConfidence = Confidence.LOW;

  @Option(names = "--detectors", paramLabel = "FILE",
      description = "YAML file of custom detectors (repeatable).")
  List<Path> detectorFiles = new ArrayList<>();

  DlpEngine engine() {
    DlpConfig.Builder b = DlpConfig.builder().minConfidence(minConfidence);
    for (Path p : detectorFiles) {
      b.customDetectors(CustomDetectors.load(p));
    }
    return DlpEngine.create(b.build());
  }

  /** picocli converter so bad values are usage errors (exit 2). */
  static final class ConfidenceConverter implements picocli.CommandLine.ITypeConverter<Confidence> {
    @Override
    public Confidence convert(String value) {
      try {
        return Confidence.parse(value);
      } catch (RuntimeException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
