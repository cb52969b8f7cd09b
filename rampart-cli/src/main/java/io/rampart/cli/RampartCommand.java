package io.rampart.cli;

import io.rampart.core.RampartException;
import io.rampart.core.config.ConfigException;
import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.RampartConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code rampart} command: global options and the list of subcommands. */
@Command(
    name = "rampart",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Secure AI workloads: discover risks, protect model and MCP traffic, detect attacks.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      ScanCommand.class,
      ConfigCommand.class,
      CatalogCommand.class,
      TokenCommand.class,
      EventsCommand.class,
      InventoryCommand.class,
      io.rampart.cli.dlp.DlpCommand.class,
      io.rampart.cli.guard.GuardCommand.class,
      io.rampart.cli.mcp.McpCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RampartCommand implements Runnable, io.rampart.cli.dlp.ConfigSource {
  /** Exit code for failures that are not usage errors (bad config, storage, findings). */
  public static final int EXIT_FAILURE = 1;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Configuration file (default: $RAMPART_CONFIG, else built-in defaults).")
  @Nullable Path config;

  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Where embedded storage lives (default: data-dir from the config, ~/.rampart).")
  @Nullable Path dataDir;

  private Map<String, String> env = System.getenv();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with Rampart's error handling: clear one-line messages, exit codes 0/1/2. */
  public static CommandLine newCommandLine() {
    return newCommandLine(System.getenv());
  }

  /** As {@link #newCommandLine()}, reading environment variables from {@code env} (tests). */
  public static CommandLine newCommandLine(Map<String, String> env) {
    RampartCommand root = new RampartCommand();
    root.env = Map.copyOf(env);
    CommandLine cl = new CommandLine(root);
    cl.setExecutionExceptionHandler(RampartCommand::handle);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    switch (e) {
      case ConfigException ce -> err.println(ce.getMessage());
      case RampartException re -> err.println("rampart: " + re.getMessage());
      case IllegalArgumentException ie -> {
        err.println("rampart: " + ie.getMessage());
        err.flush();
        return CommandLine.ExitCode.USAGE;
      }
      default -> {
        err.println("rampart: unexpected error: " + e);
        e.printStackTrace(err);
      }
    }
    err.flush();
    return EXIT_FAILURE;
  }

  /** Environment variables visible to commands. */
  Map<String, String> env() {
    return env;
  }

  /** The configuration file: --config, else $RAMPART_CONFIG, else none (built-in defaults). */
  java.util.Optional<Path> configFile() {
    if (config != null) {
      return java.util.Optional.of(config);
    }
    String fromEnv = env.getOrDefault("RAMPART_CONFIG", "");
    return fromEnv.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(fromEnv));
  }

  /** The effective configuration: the file (if any) with --data-dir applied. */
  public RampartConfig loadConfig() {
    Path file = configFile().orElse(null);
    RampartConfig loaded = file == null ? RampartConfig.defaults() : ConfigLoader.load(file, env);
    return dataDir == null ? loaded : loaded.withDataDir(dataDir.toAbsolutePath());
  }

  /** The named configuration (--config, else $RAMPART_CONFIG); empty when none is named. */
  @Override
  public java.util.Optional<RampartConfig> namedConfig() {
    return configFile().map(file -> loadConfig());
  }

  /** Whether the user named a data directory on the command line. */
  boolean dataDirGiven() {
    return dataDir != null;
  }

  /** The root command object of any subcommand. */
  public static RampartCommand root(CommandLine.Model.CommandSpec spec) {
    return (RampartCommand) spec.root().userObject();
  }
}
