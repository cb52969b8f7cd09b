package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

/**
 * Where an asset or problem was read: a file and a 1-based line (0 when the format has none).
 */
public record SourceRef(String path, int line) {
  public SourceRef {
    requireNonNull(path, "path");
    if (line < 0) {
      throw new DiscoveryException("line: " + line + " (expected: >= 0)");
    }
  }

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line : path;
  }
}
