package io.rampart.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registry of top-level sections, in the order {@link ConfigPrinter} prints them: the
 * built-in ones, then extensions found on the class path, by key.
 */
final class ConfigSections {
  private static final List<ConfigSection<?>> BUILT_IN =
      List.of(new DataDirSection(), new ServerSection(), new StorageSection(), new EventsSection());

  private ConfigSections() {}

  /** Lazy holder: extensions are looked up once, on first use. */
  private static final class All {
    static final List<ConfigSection<?>> SECTIONS = discover();
  }

  static List<ConfigSection<?>> all() {
    return All.SECTIONS;
  }

  static String[] keys() {
    return all().stream().map(ConfigSection::key).toArray(String[]::new);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<ConfigSection<?>> discover() {
    List<ConfigSection<?>> out = new ArrayList<>(BUILT_IN);
    List<ConfigExtension> found = new ArrayList<>();
    ServiceLoader.load(ConfigExtension.class, ConfigSections.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparing(ConfigExtension::key));
    for (ConfigExtension e : found) {
      if (out.stream().anyMatch(s -> s.key().equals(e.key()))) {
        throw new IllegalStateException("config: " + e.key() + ": registered twice (expected: one section per key)");
      }
      out.add(new ExtensionSection<>(e));
    }
    return List.copyOf(out);
  }
}
