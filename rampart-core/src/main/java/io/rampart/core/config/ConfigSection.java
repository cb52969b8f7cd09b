package io.rampart.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One top-level key of rampart.yaml: how to read it (through the component's own builder), how to
 * print it, and where it lives in {@link RampartConfig}. Register new sections in {@link
 * ConfigSections}.
 */
interface ConfigSection<T> {
  /** The top-level YAML key, kebab-case. */
  String key();

  /** Binds a present, non-null node; problems go to the node, the result may then be a default. */
  T read(ConfigNode node);

  /**
   * The value as plain YAML data: maps, lists, strings, numbers, booleans, or {@code Secret},
   * {@code Duration}, {@code Path}, {@code URI} and enums, which {@link ConfigPrinter} renders.
   */
  Object write(T value);

  T get(RampartConfig config);

  void set(RampartConfig.Builder builder, T value);

  /** Cross-section checks once the whole file is bound; see {@link ConfigExtension#check}. */
  default void check(RampartConfig config, ConfigNode node) {}

  /** An ordered map from alternating keys and values, for {@link #write}. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
