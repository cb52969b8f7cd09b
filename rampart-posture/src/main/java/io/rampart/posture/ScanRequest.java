package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import io.rampart.discovery.DiscoveryException;
import io.rampart.discovery.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code rampart scan} was asked to do.
 *
 * @param paths files and directories to scan (at least one)
 * @param source restrict to one source; empty detects per file
 * @param format output format
 * @param failOn exit 1 when a finding or attack path is at least this severe
 * @param ruleFiles user rule files added to the built-in rules
 */
public record ScanRequest(List<Path> paths, Optional<SourceKind> source, ReportFormat format,
    Optional<Severity> failOn, List<Path> ruleFiles) {
  public ScanRequest {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new PostureException("paths: none (expected: at least one file or directory)");
    }
    requireNonNull(source, "source");
    requireNonNull(format, "format");
    requireNonNull(failOn, "failOn");
    ruleFiles = List.copyOf(ruleFiles);
  }

  /**
   * Builds a request from command-line text; {@code source} and {@code failOn} may be empty.
   *
   * @throws PostureException with a {@code field: value (expected: ...)} message on bad input
   */
  public static ScanRequest parse(List<String> paths, String source, String format,
      String failOn, List<String> ruleFiles) {
    Optional<SourceKind> src;
    try {
      src = source.isBlank() ? Optional.empty() : Optional.of(SourceKind.parse(source));
    } catch (DiscoveryException e) {
      throw new PostureException(e.getMessage());
    }
    Optional<Severity> fail;
    try {
      fail = failOn.isBlank() ? Optional.empty() : Optional.of(Severity.parse(failOn));
    } catch (IllegalArgumentException e) {
      throw new PostureException("fail-on: " + failOn
          + " (expected: low, medium, high or critical)");
    }
    return new ScanRequest(paths.stream().map(Path::of).toList(), src,
        format.isBlank() ? ReportFormat.TEXT : ReportFormat.parse(format), fail,
        ruleFiles.stream().map(Path::of).toList());
  }
}
