package io.rampart.mcp;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * What one scan saw.
 *
 * @param files configuration files read
 * @param servers servers declared in them, in file order
 * @param findings risks, most severe first, then by file and line
 * @param problems files that could not be read or parsed, one line each ({@code file: line N:
 *     reason (expected: ...)})
 */
public record ScanReport(List<Path> files, List<McpServer> servers, List<McpFinding> findings, List<String> problems) {
  static final Comparator<McpFinding> ORDER =
      Comparator.comparing(McpFinding::severity).reversed()
          .thenComparing(f -> f.file().toString())
          .thenComparingInt(McpFinding::line)
          .thenComparing(f -> f.rule().id());

  public ScanReport {
    files = List.copyOf(files);
    servers = List.copyOf(servers);
    findings = findings.stream().sorted(ORDER).toList();
    problems = List.copyOf(problems);
  }

  /** The same report with more findings (e.g. from {@code --connect}). */
  public ScanReport withFindings(List<McpFinding> more) {
    return new ScanReport(files, servers, java.util.stream.Stream.concat(findings.stream(), more.stream()).toList(), problems);
  }
}
