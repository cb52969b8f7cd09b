package io.rampart.core.config;

import java.nio.file.Path;

/** {@code data-dir: ~/.rampart}: a single path, relative to the config file's folder. */
final class DataDirSection implements ConfigSection<Path> {
  @Override
  public String key() {
    return "data-dir";
  }

  @Override
  public Path read(ConfigNode node) {
    return node.asPath().orElseGet(() -> RampartConfig.defaults().dataDir());
  }

  @Override
  public Object write(Path value) {
    return value;
  }

  @Override
  public Path get(RampartConfig config) {
    return config.dataDir();
  }

  @Override
  public void set(RampartConfig.Builder builder, Path value) {
    builder.dataDir(value);
  }
}
