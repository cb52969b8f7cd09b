package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * State shared by all nodes of one file while it is bound: where it came from and the problems
 * found so far. Binding never stops at the first problem so that one run reports them all.
 */
final class BindContext {
  private static final Pattern EXPECTED =
      Pattern.compile("\\(expected:? (.*)\\)\\s*$", Pattern.DOTALL);

  private final String source;
  private final Path baseDir;
  private final List<ConfigProblem> problems = new ArrayList<>();

  BindContext(String source, Path baseDir) {
    this.source = requireNonNull(source, "source");
    this.baseDir = requireNonNull(baseDir, "baseDir");
  }

  String source() {
    return source;
  }

  Path baseDir() {
    return baseDir;
  }

  void report(int line, String path, String message) {
    problems.add(new ConfigProblem(source, line, path, message));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /**
   * Turns a validation message ({@code port: 70000 (expected: 0..65535)}) into a problem message.
   * The value is dropped on purpose: it may be a secret or come from the environment, and the line
   * number already points at it. Secrets say so explicitly.
   */
  static String invalid(IllegalArgumentException e, boolean secret) {
    String message = e.getMessage();
    Matcher m = EXPECTED.matcher(message == null ? "" : message);
    String what = secret ? "invalid value " + ConfigPrinter.REDACTED : "invalid value";
    return m.find() ? what + " (expected " + oneLine(m.group(1)) + ")" : what;
  }

  static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** The field name a validation message starts with ({@code port} for {@code port: ...}). */
  static String field(IllegalArgumentException e) {
    String message = e.getMessage();
    if (message == null) {
      return "";
    }
    int colon = message.indexOf(": ");
    return colon < 0 ? "" : message.substring(0, colon);
  }
}
