package io.rampart.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsers behind {@link ConfigNode}'s typed accessors: text in, value or empty out. */
final class Scalars {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");

  private Scalars() {}

  static Optional<Integer> integer(String text) {
    String s = text.strip();
    try {
      return INTEGER.matcher(s).matches() ? Optional.of(Integer.parseInt(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // ten digits can still exceed int
    }
  }

  static Optional<Boolean> bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  static Optional<URI> url(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text) {
    String wanted = text.strip().replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(wanted)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** {@code ~} and {@code ~/x} are the home folder; relative paths resolve against base. */
  static Optional<Path> path(String text, Path base) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      Path p =
          text.equals("~") || text.startsWith("~/")
              ? Path.of(System.getProperty("user.home"))
                  .resolve(text.substring(Math.min(2, text.length())))
              : Path.of(text);
      return Optional.of(base.resolve(p).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  static String kebab(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
