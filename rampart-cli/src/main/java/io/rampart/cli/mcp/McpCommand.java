package io.rampart.cli.mcp;

import io.rampart.cli.RampartCommand;
import io.rampart.core.config.Durations;
import io.rampart.core.event.Severity;
import io.rampart.mcp.JdbcToolPinStore;
import io.rampart.mcp.McpException;
import io.rampart.mcp.McpScanOptions;
import io.rampart.mcp.McpScanRunner;
import io.rampart.mcp.ReportFormat;
import io.rampart.mcp.ToolPin;
import io.rampart.mcp.ToolPinStore;
import io.rampart.mcp.gateway.ToolApproval;
import io.rampart.server.app.Services;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rampart mcp ...}: Model Context Protocol security tools. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "MCP security: scan MCP client configurations for risky servers; approve "
        + "changed tools behind the MCP gateway.",
    subcommands = {McpCommand.Scan.class, McpCommand.Approve.class, McpCommand.Pins.class})
public final class McpCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rampart mcp scan [PATH...]}. */
  @Command(
      name = "scan",
      mixinStandardHelpOptions = true,
      description = "Find MCP client configurations (Claude, VS Code, Cursor, Windsurf, mcp.json) "
          + "and report risky servers: plaintext secrets, unpinned packages, plain HTTP, no auth, "
          + "broad filesystem roots, shell launchers. Without PATH, reads this user's configs. "
          + "Exit code 1 when a finding is at or above --fail-on.")
  static final class Scan implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Config files or directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif")
    String format = "text";

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "low (default), medium, high or critical")
    String failOn = "low";

    @Option(names = "--connect", description = "Start stdio servers and analyse their tool lists (opt-in).")
    boolean connect;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "Per server (default 10s).")
    String connectTimeout = "10s";

    @Override
    public Integer call() {
      McpScanOptions options = McpScanOptions.builder()
          .format(ReportFormat.parse(format))
          .failOn(Severity.parse(failOn))
          .connect(connect)
          .connectTimeout(Durations.parse("connect-timeout", connectTimeout))
          .build();
      // the runner writes to streams; collect and hand over to picocli's writers so output
      // goes wherever the command line sends it (tests capture it)
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        code = McpScanRunner.run(paths, options, o, e);
      }
      spec.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().print(err.toString(StandardCharsets.UTF_8));
      spec.commandLine().getErr().flush();
      return code;
    }
  }

  static Services open(CommandLine.Model.CommandSpec spec) {
    return Services.open(RampartCommand.root(spec).loadConfig(), Clock.systemUTC());
  }

  static ToolPinStore pins(Services services) {
    return JdbcToolPinStore.create(services.database().dataSource(), Clock.systemUTC());
  }

  /** {@code rampart mcp approve --server S --tool T}. */
  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve the changed definition of a tool the MCP gateway blocked (rug pull "
          + "check). Works on the configured storage; while a server holds the embedded "
          + "database use POST /api/mcp/servers/S/tools/T/approve instead.")
  static final class Approve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "SERVER", description = "Server name from mcp-gateway.servers.")
    String server;

    @Option(names = "--tool", required = true, paramLabel = "TOOL", description = "Tool name.")
    String tool;

    @Override
    public Integer call() {
      try (Services services = open(spec)) {
        ToolPin p = ToolApproval.approve(pins(services), services.eventLog(), "cli", server, tool);
        spec.commandLine().getOut().println("approved " + server + "/" + tool + " sha256 "
            + p.sha256());
        spec.commandLine().getOut().flush();
        return 0;
      } catch (McpException e) {
        spec.commandLine().getErr().println("rampart mcp approve: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
  }

  /** {@code rampart mcp pins --server S}. */
  @Command(
      name = "pins",
      mixinStandardHelpOptions = true,
      description = "List the MCP gateway's tool pins of one server, with pending changes.")
  static final class Pins implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "SERVER", description = "Server name from mcp-gateway.servers.")
    String server;

    @Override
    public Integer call() {
      try (Services services = open(spec)) {
        ToolPinStore store = pins(services);
        for (ToolPin p : store.list(server)) {
          String pending = store.pending(server, p.tool()).map(x -> "  pending " + x.sha256())
              .orElse("");
          spec.commandLine().getOut().println(p.tool() + "  " + p.sha256() + pending);
        }
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }
}
