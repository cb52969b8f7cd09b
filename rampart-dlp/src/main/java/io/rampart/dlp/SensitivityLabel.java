package io.rampart.dlp;

import java.util.Locale;

/** Sensitivity of a piece of content, ordered from least to most sensitive. */
public enum SensitivityLabel {
  PUBLIC,
  GENERAL,
  CONFIDENTIAL,
  HIGHLY_CONFIDENTIAL;

  /** The kebab-case name used in YAML and output, e.g. {@code highly-confidential}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static SensitivityLabel parse(String id) {
    for (SensitivityLabel l : values()) {
      if (l.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    throw new DlpException(
        "label: " + id + " (expected: public|general|confidential|highly-confidential)");
  }
}
