package io.rampart.core.config;

import java.util.Map;

/**
 * A top-level rampart.yaml section contributed by a module that core cannot depend on (the
 * gateway, for instance). Modules register implementations with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.rampart.core.config.ConfigExtension}); the loader then accepts the
 * key, reports its problems with line numbers like any built-in section, and stores the value in
 * {@link RampartConfig#extension}. Implementations need a public no-argument constructor.
 */
public interface ConfigExtension<T> {
  /** The top-level YAML key, kebab-case. */
  String key();

  /** The value when the key is absent. */
  T defaults();

  /** Binds a present node; problems go to the node, the result may then be a default. */
  T read(ConfigNode node);

  /** The value as plain YAML data for {@link ConfigPrinter}; secrets as {@code Secret}. */
  Object write(T value);

  /**
   * Checks what this section refers to in other sections (a gateway route naming a guard
   * policy, for instance), once every section is bound; problems go to {@code node} or the nodes
   * under it, with their lines. Called only when the section is present in the file.
   */
  default void check(T value, RampartConfig config, ConfigNode node) {}

  /** An ordered map from alternating keys and values, for {@link #write}. */
  static Map<String, Object> map(Object... keysAndValues) {
    return ConfigSection.map(keysAndValues);
  }
}
