package io.rampart.cli.dlp;

import io.rampart.core.config.RampartConfig;
import java.util.Optional;

/**
 * What the root command offers the dlp commands: the configuration file named on the command line
 * or in the environment. An interface here, not a reference to the root command, so that the dlp
 * commands also run on their own (tests, bench/dlp) with the built-in defaults.
 */
public interface ConfigSource {
  /** The named configuration; empty when none is named. */
  Optional<RampartConfig> namedConfig();
}
