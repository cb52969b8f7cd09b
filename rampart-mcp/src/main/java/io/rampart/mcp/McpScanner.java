package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import io.rampart.dlp.DlpEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MCP client configuration files and applies the static rules (see {@link McpRule}).
 * Thread-safe; performs no network or process I/O.
 */
public final class McpScanner {
  private final SecretRules secrets;
  private final LaunchRules launches;

  private McpScanner(DlpEngine dlp, Path home) {
    this.secrets = new SecretRules(dlp);
    this.launches = new LaunchRules(home);
  }

  /**
   * A scanner.
   *
   * @param home the user's home directory, so a filesystem server rooted there is reported
   */
  public static McpScanner create(DlpEngine dlp, Path home) {
    return new McpScanner(requireNonNull(dlp, "dlp"), requireNonNull(home, "home"));
  }

  /** Scans the given files; unreadable or invalid files are listed as problems, not thrown. */
  public ScanReport scan(List<Path> files) {
    requireNonNull(files, "files");
    List<Path> read = new ArrayList<>();
    List<McpServer> servers = new ArrayList<>();
    List<McpFinding> findings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        List<ConfigReader.Entry> entries = ConfigReader.read(file, secrets);
        read.add(file);
        for (ConfigReader.Entry e : entries) {
          servers.add(e.server());
          findings.addAll(check(e));
        }
      } catch (McpException e) {
        problems.add(e.getMessage());
      }
    }
    return new ScanReport(read, servers, findings, problems);
  }

  List<McpFinding> check(ConfigReader.Entry e) {
    List<McpFinding> out = new ArrayList<>();
    secrets.check(e, out);
    launches.check(e, out);
    RemoteRules.check(e, out);
    return out;
  }

  /** Entries of one file, for {@code --connect}. */
  List<ConfigReader.Entry> entries(Path file) {
    return ConfigReader.read(file, secrets);
  }
}
