package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import io.rampart.guard.GuardEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code rampart mcp scan}; see {@link McpScanRunner} for their command-line names.
 *
 * @param format {@code --format text|json|sarif} (default text)
 * @param failOn {@code --fail-on low|medium|high|critical} (default low): exit 1 when a finding
 *     is at least this severe
 * @param connect {@code --connect}: start each stdio server and inspect its tools (default off)
 * @param connectTimeout {@code --connect-timeout} per server (default 10s)
 * @param home the user's home, for default locations and broad-root checks
 * @param baseDir paths in reports are relative to it when under it (SARIF needs repo-relative)
 * @param osName {@code os.name}, for default locations
 * @param env the environment: {@code APPDATA}, {@code XDG_CONFIG_HOME}, and {@code ${env:VAR}}
 *     references when {@code --connect} starts a server
 * @param clock stamps the report
 * @param guard the engine that judges tool lists; empty: {@code GuardConfig.defaults()}
 */
public record McpScanOptions(
    ReportFormat format,
    Severity failOn,
    boolean connect,
    Duration connectTimeout,
    Path home,
    Path baseDir,
    String osName,
    Map<String, String> env,
    Clock clock,
    Optional<GuardEngine> guard) {

  public McpScanOptions {
    requireNonNull(format, "format");
    requireNonNull(failOn, "failOn");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(home, "home");
    requireNonNull(baseDir, "baseDir");
    requireNonNull(osName, "osName");
    env = Map.copyOf(env);
    requireNonNull(clock, "clock");
    requireNonNull(guard, "guard");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new McpException("connect-timeout: " + connectTimeout + " (expected: > 0)");
    }
  }

  /** Defaults from this process: {@code user.home}, the working directory, the environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link McpScanOptions}; every setter rejects null. */
  public static final class Builder {
    private ReportFormat format = ReportFormat.TEXT;
    private Severity failOn = Severity.LOW;
    private boolean connect;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Path home = Path.of(System.getProperty("user.home", "."));
    private Path baseDir = Path.of("").toAbsolutePath();
    private String osName = System.getProperty("os.name", "linux");
    private Map<String, String> env = System.getenv();
    private Clock clock = Clock.systemUTC();
    private Optional<GuardEngine> guard = Optional.empty();

    private Builder() {}

    public Builder format(ReportFormat v) {
      format = requireNonNull(v, "format");
      return this;
    }

    public Builder failOn(Severity v) {
      failOn = requireNonNull(v, "failOn");
      return this;
    }

    public Builder connect(boolean v) {
      connect = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = requireNonNull(v, "connectTimeout");
      return this;
    }

    public Builder home(Path v) {
      home = requireNonNull(v, "home");
      return this;
    }

    public Builder baseDir(Path v) {
      baseDir = requireNonNull(v, "baseDir");
      return this;
    }

    public Builder osName(String v) {
      osName = requireNonNull(v, "osName");
      return this;
    }

    public Builder env(Map<String, String> v) {
      env = requireNonNull(v, "env");
      return this;
    }

    public Builder clock(Clock v) {
      clock = requireNonNull(v, "clock");
      return this;
    }

    public Builder guard(GuardEngine v) {
      guard = Optional.of(requireNonNull(v, "guard"));
      return this;
    }

    public McpScanOptions build() {
      return new McpScanOptions(format, failOn, connect, connectTimeout, home, baseDir, osName, env, clock, guard);
    }
  }
}
