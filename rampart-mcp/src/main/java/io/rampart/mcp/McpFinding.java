package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * One risk found in an MCP client configuration (or, with {@code --connect}, in a server's
 * tools). Messages name keys and places, never secret values.
 *
 * @param line 1-based line in {@code file}
 * @param catalogIds the rule's catalog references plus any the finding adds (e.g. from the guard)
 */
public record McpFinding(
    McpRule rule,
    Severity severity,
    String server,
    Path file,
    int line,
    String message,
    List<String> catalogIds) {
  public McpFinding {
    requireNonNull(rule, "rule");
    requireNonNull(severity, "severity");
    requireNonNull(server, "server");
    requireNonNull(file, "file");
    requireNonNull(message, "message");
    catalogIds = List.copyOf(catalogIds);
    if (line < 1) {
      throw new McpException("line: " + line + " (expected: >= 1)");
    }
  }

  /** A finding with the rule's default severity and catalog references. */
  static McpFinding of(McpRule rule, String server, Path file, int line, String message) {
    return new McpFinding(rule, rule.severity(), server, file, line, message, rule.catalogIds());
  }
}
