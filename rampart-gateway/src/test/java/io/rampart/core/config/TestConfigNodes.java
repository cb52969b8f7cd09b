package io.rampart.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Test-only bridge to core's package-private YAML binding, so the gateway section can be tested
 * against real {@link ConfigNode}s (with lines) before core exposes a public hook.
 */
public final class TestConfigNodes {
  private TestConfigNodes() {}

  /**
   * Parses {@code yaml}, hands its top-level {@code key} node to {@code reader}, and throws the
   * {@link ConfigException} listing every problem, as {@link ConfigLoader} would.
   */
  public static <T> T read(String yaml, String key, Map<String, String> env,
      Function<ConfigNode, T> reader) {
    BindContext context = new BindContext("rampart.yaml", Path.of(".").toAbsolutePath());
    java.util.Optional<ConfigNode> parsed = YamlTree.read(yaml, env, context);
    context.throwIfAny();
    ConfigNode root = parsed.orElseThrow();
    T value = reader.apply(root.get(key).orElseThrow());
    context.throwIfAny();
    return value;
  }
}
