package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

/** One input that could not be read; the rest of the scan went on without it. */
public record ScanError(SourceRef where, String message) {
  public ScanError {
    requireNonNull(where, "where");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
