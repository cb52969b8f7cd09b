package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code dlp:} section of rampart.yaml: engine settings, the custom detector files they were
 * loaded from, the redaction policy and the classification rules (empty: the default policy).
 *
 * @param engine engine configuration, custom detectors loaded
 * @param detectorFiles the custom detector files named in the section, in order
 * @param redaction action per type, default action and HMAC key
 * @param classification classification rules in order; empty means {@link
 *     Classifier#createDefault()}
 */
public record DlpSettings(
    DlpConfig engine,
    List<Path> detectorFiles,
    RedactionPolicy redaction,
    List<ClassificationRule> classification) {
  public DlpSettings {
    requireNonNull(engine, "engine");
    detectorFiles = List.copyOf(detectorFiles);
    requireNonNull(redaction, "redaction");
    classification = List.copyOf(classification);
  }

  /** No section: default engine, replace everything, default classification. */
  public static DlpSettings defaults() {
    return new DlpSettings(DlpConfig.defaults(), List.of(), RedactionPolicy.builder().build(),
        List.of());
  }

  /** The classifier these settings describe. */
  public Classifier classifier() {
    return classification.isEmpty()
        ? Classifier.createDefault()
        : Classifier.create(classification);
  }
}
