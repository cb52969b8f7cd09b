package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The whole of rampart.yaml: one immutable record with one section per component. Later
 * components add their sections here.
 *
 * @param dataDir where embedded storage and local state live (default {@code ~/.rampart})
 */
public record RampartConfig(
    Path dataDir, ServerConfig server, StorageConfig storage, EventsConfig events) {

  public RampartConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(server, "server");
    requireNonNull(storage, "storage");
    requireNonNull(events, "events");
  }

  /** Defaults for everything: embedded storage under {@code ~/.rampart}. */
  public static RampartConfig defaults() {
    return new RampartConfig(
        Path.of(System.getProperty("user.home"), ".rampart"),
        ServerConfig.DEFAULT,
        StorageConfig.DEFAULT,
        EventsConfig.DEFAULT);
  }

  public RampartConfig withDataDir(Path dataDir) {
    return new RampartConfig(dataDir, server, storage, events);
  }

  public RampartConfig withServer(ServerConfig server) {
    return new RampartConfig(dataDir, server, storage, events);
  }
}
