package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole of rampart.yaml: one immutable record with one section per component. Later components
 * add their sections here, to {@link Builder} and to {@code ConfigSections}.
 *
 * @param dataDir where embedded storage and local state live (default {@code ~/.rampart})
 */
public record RampartConfig(
    Path dataDir,
    ServerConfig server,
    StorageConfig storage,
    EventsConfig events,
    Map<String, Object> extensions) {

  public RampartConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(server, "server");
    requireNonNull(storage, "storage");
    requireNonNull(events, "events");
    extensions = Map.copyOf(requireNonNull(extensions, "extensions"));
  }

  /** A config without extension sections. */
  public RampartConfig(Path dataDir, ServerConfig server, StorageConfig storage, EventsConfig events) {
    this(dataDir, server, storage, events, Map.of());
  }

  /** The value of an extension section ({@link ConfigExtension}), or its defaults when absent. */
  public <T> T extension(ConfigExtension<T> extension) {
    Object value = extensions.get(extension.key());
    @SuppressWarnings("unchecked")
    T typed = value == null ? extension.defaults() : (T) value;
    return typed;
  }

  /** Defaults for everything: embedded storage under {@code ~/.rampart}. */
  public static RampartConfig defaults() {
    return new RampartConfig(
        Path.of(System.getProperty("user.home"), ".rampart"),
        ServerConfig.DEFAULT,
        StorageConfig.DEFAULT,
        EventsConfig.DEFAULT);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public RampartConfig withDataDir(Path dataDir) {
    return toBuilder().dataDir(dataDir).build();
  }

  public RampartConfig withServer(ServerConfig server) {
    return toBuilder().server(server).build();
  }

  /** The effective config as YAML with secrets redacted; see {@link ConfigPrinter}. */
  public String describe() {
    return ConfigPrinter.describe(this);
  }

  /** Builds a {@link RampartConfig}. */
  public static final class Builder {
    private Path dataDir;
    private ServerConfig server;
    private StorageConfig storage;
    private EventsConfig events;
    private final Map<String, Object> extensions;

    private Builder(RampartConfig from) {
      this.dataDir = from.dataDir;
      this.server = from.server;
      this.storage = from.storage;
      this.events = from.events;
      this.extensions = new LinkedHashMap<>(from.extensions);
    }

    public <T> Builder extension(ConfigExtension<T> extension, T value) {
      extensions.put(extension.key(), requireNonNull(value, "value"));
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = requireNonNull(dataDir, "dataDir");
      return this;
    }

    public Builder server(ServerConfig server) {
      this.server = requireNonNull(server, "server");
      return this;
    }

    public Builder storage(StorageConfig storage) {
      this.storage = requireNonNull(storage, "storage");
      return this;
    }

    public Builder events(EventsConfig events) {
      this.events = requireNonNull(events, "events");
      return this;
    }

    public RampartConfig build() {
      return new RampartConfig(dataDir, server, storage, events, extensions);
    }
  }
}
