package io.rampart.cli;

import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.ConfigPrinter;
import io.rampart.core.config.RampartConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rampart config ...}: configuration tools. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check and show configuration.",
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rampart config check [FILE]}: validates a file and prints the effective config. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate a configuration file; prints every problem with its line, or the "
          + "effective configuration (secrets redacted). Exit code 1 when invalid.")
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "File to check (default: --config).")
    @Nullable Path file;

    @CommandLine.Option(names = "--quiet", description = "Print nothing when the file is valid.")
    boolean quiet;

    @Override
    public Integer call() {
      RampartCommand root = RampartCommand.root(spec);
      Path target = file != null ? file : root.config;
      if (target == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "config check: FILE (expected: a file argument or --config FILE)");
      }
      RampartConfig config = ConfigLoader.load(target, root.env());
      PrintWriter out = spec.commandLine().getOut();
      if (!quiet) {
        out.println("# " + target + ": valid");
        out.print(ConfigPrinter.describe(config));
        out.flush();
      }
      return 0;
    }
  }
}
