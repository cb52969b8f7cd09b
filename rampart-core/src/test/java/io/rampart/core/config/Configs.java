package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Map;

/** Shared helpers: parse YAML text as "rampart.yaml" under a fixed folder. */
final class Configs {
  static final Path BASE = Path.of("/etc/rampart").toAbsolutePath();

  private Configs() {}

  static RampartConfig parse(String yaml) {
    return parse(yaml, Map.of());
  }

  static RampartConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, "rampart.yaml", BASE, env);
  }

  static ConfigException failure(String yaml) {
    return failure(yaml, Map.of());
  }

  static ConfigException failure(String yaml, Map<String, String> env) {
    Throwable thrown = catchThrowable(() -> parse(yaml, env));
    assertThat(thrown).isInstanceOf(ConfigException.class);
    return (ConfigException) thrown;
  }

  /** The tree of {@code yaml} for tests that exercise {@link ConfigNode} directly. */
  static ConfigNode tree(String yaml, BindContext context) {
    return YamlTree.read(yaml, Map.of(), context).orElseThrow();
  }
}
