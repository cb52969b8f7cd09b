package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import io.rampart.core.RampartException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A config file could not be used. Carries every problem found, ordered by line; the message lists
 * them one per line.
 */
public final class ConfigException extends RampartException {
  private final List<ConfigProblem> problems;

  /** Reports {@code problems}, which must not be empty. */
  public ConfigException(List<ConfigProblem> problems) {
    this(sorted(problems), null);
  }

  /** Reports a single problem caused by {@code cause}, such as an I/O failure. */
  public ConfigException(ConfigProblem problem, Throwable cause) {
    this(List.of(requireNonNull(problem, "problem")), requireNonNull(cause, "cause"));
  }

  private ConfigException(List<ConfigProblem> problems, @Nullable Throwable cause) {
    super(render(problems), cause);
    this.problems = problems;
  }

  /** Every problem found, ordered by line. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
    requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: [] (expected: at least one)");
    }
    // stable sort: problems on one line keep the order they were found in
    return problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
  }

  private static String render(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }
}
