package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in a config file. {@link #toString()} renders it the way operators see it:
 * {@code rampart.yaml:12: gateway.routes[0].upstream: not a URL (expected http(s)://...)}.
 *
 * @param source the file name as given to the loader
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param path dotted path of the offending key, empty for the file or document itself
 * @param message what is wrong and what was expected; never contains secret values
 */
public record ConfigProblem(String source, int line, String path, String message) {

  public ConfigProblem {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line: " + line + " (expected: >= 0)");
    }
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(source);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }
}
