package io.rampart.core.config;

import java.util.List;

/** The registry of top-level sections, in the order {@link ConfigPrinter} prints them. */
final class ConfigSections {
  static final List<ConfigSection<?>> ALL =
      List.of(new DataDirSection(), new ServerSection(), new StorageSection(), new EventsSection());

  private ConfigSections() {}

  static String[] keys() {
    return ALL.stream().map(ConfigSection::key).toArray(String[]::new);
  }
}
