package io.rampart.core.config;

/** Adapts a {@link ConfigExtension} to the loader's section interface. */
record ExtensionSection<T>(ConfigExtension<T> extension) implements ConfigSection<T> {
  @Override
  public String key() {
    return extension.key();
  }

  @Override
  public T read(ConfigNode node) {
    return extension.read(node);
  }

  @Override
  public Object write(T value) {
    return extension.write(value);
  }

  @Override
  public T get(RampartConfig config) {
    return config.extension(extension);
  }

  @Override
  public void set(RampartConfig.Builder builder, T value) {
    builder.extension(extension, value);
  }

  @Override
  public void check(RampartConfig config, ConfigNode node) {
    extension.check(config.extension(extension), config, node);
  }
}
