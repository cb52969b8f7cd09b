package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the effective config as rampart.yaml text, for {@code rampart config check} and {@code
 * GET /api/config}. Secrets print as {@code <redacted>} (an unset one as {@code ""}), and the
 * output parses back to the same config apart from secrets.
 */
public final class ConfigPrinter {
  static final String REDACTED = "<redacted>";

  private ConfigPrinter() {}

  public static String describe(RampartConfig config) {
    requireNonNull(config, "config");
    Map<String, Object> document = new LinkedHashMap<>();
    for (ConfigSection<?> section : ConfigSections.all()) {
      document.put(section.key(), plain(write(section, config)));
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setSplitLines(false);
    return new Yaml(options).dump(document);
  }

  private static <T> Object write(ConfigSection<T> section, RampartConfig config) {
    return section.write(section.get(config));
  }

  private static Object plain(Object value) {
    return switch (value) {
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
        yield out;
      }
      case List<?> list -> list.stream().map(ConfigPrinter::plain).toList();
      case Secret secret -> secret.isEmpty() ? "" : REDACTED;
      case Number n -> n;
      case Boolean b -> b;
      case Duration d -> Durations.format(d);
      case Enum<?> e -> Scalars.kebab(e);
      // strings are escaped so that loading them does not expand ${...} a second time
      case String s -> Interpolator.escape(s);
      case Path p -> Interpolator.escape(p.toString());
      case URI u -> Interpolator.escape(u.toString());
      default -> Interpolator.escape(value.toString());
    };
  }
}
