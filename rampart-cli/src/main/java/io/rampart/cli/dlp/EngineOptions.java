package io.rampart.cli.dlp;

import io.rampart.dlp.Confidence;
import io.rampart.dlp.CustomDetectors;
import io.rampart.dlp.DlpConfig;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.DlpSection;
import io.rampart.dlp.DlpSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by the dlp subcommands that build an engine. The {@code dlp:} section of the
 * named configuration (--config or $RAMPART_CONFIG) is the starting point; options given here
 * override it.
 */
final class EngineOptions {
  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  @Option(names = "--min-confidence", paramLabel = "low|medium|high",
      converter = ConfidenceConverter.class,
      description = "Report findings at or above this confidence (default: dlp.min-confidence"
          + " of the configuration, else low).")
  @Nullable Confidence minConfidence;

  @Option(names = "--detectors", paramLabel = "FILE",
      description = "YAML file of custom detectors (repeatable; added to the configuration's).")
  List<Path> detectorFiles = new ArrayList<>();

  private @Nullable DlpSettings settings;

  /** The configuration's {@code dlp:} section, or the defaults when no file is named. */
  DlpSettings settings() {
    if (settings == null) {
      settings = mixee != null && mixee.root().userObject() instanceof ConfigSource source
          ? source.namedConfig().map(c -> c.extension(DlpSection.INSTANCE))
              .orElseGet(DlpSettings::defaults)
          : DlpSettings.defaults();
    }
    return settings;
  }

  DlpEngine engine() {
    DlpConfig base = settings().engine();
    DlpConfig.Builder b = DlpConfig.builder()
        .minConfidence(minConfidence != null ? minConfidence : base.minConfidence())
        .streamWindow(base.streamWindow())
        .customDetectors(base.customDetectors());
    base.disabledTypes().forEach(b::disableType);
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
