package io.rampart.cli.dlp;

import picocli.CommandLine.Command;

/** {@code rampart dlp}: data-loss prevention on files. */
@Command(
    name = "dlp",
    description = "Find, classify and redact sensitive data.",
    mixinStandardHelpOptions = true,
    subcommands = {ScanCommand.class, RedactCommand.class, ClassifyCommand.class,
        EvalCommand.class, AotTrainingCommand.class})
public final class DlpCommand {
  public DlpCommand() {}
}
