package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rampart.yaml into a {@link RampartConfig}: expands {@code ${VAR}} / {@code ${VAR:-default}}
 * from the environment, binds every section through its builder, and reports all problems of the
 * file at once in a {@link ConfigException}. An empty file means defaults.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Loads {@code file}, expanding variables from {@link System#getenv()}. */
  public static RampartConfig load(Path file) {
    return load(file, System.getenv());
  }

  /** Loads {@code file}; relative paths in it resolve against the file's folder. */
  public static RampartConfig load(Path file, Map<String, String> env) {
    requireNonNull(file, "file");
    requireNonNull(env, "env");
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigProblem(source, 0, "", "cannot read (" + reason(e) + ")"), e);
    }
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent() != null ? absolute.getParent() : absolute;
    return parse(text, source, dir, env);
  }

  /**
   * Parses {@code yaml} as if read from {@code sourceName} (used in messages only); relative paths
   * resolve against {@code baseDir}.
   */
  public static RampartConfig parse(
      String yaml, String sourceName, Path baseDir, Map<String, String> env) {
    requireNonNull(yaml, "yaml");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(baseDir, "baseDir");
    requireNonNull(env, "env");
    BindContext context = new BindContext(sourceName, baseDir.toAbsolutePath());
    Optional<ConfigNode> root = YamlTree.read(yaml, env, context);
    RampartConfig config = root.map(ConfigLoader::bind).orElseGet(RampartConfig::defaults);
    if (root.isPresent() && !context.hasProblems()) {
      check(root.get(), config);
    }
    context.throwIfAny();
    return config;
  }

  private static RampartConfig bind(ConfigNode root) {
    RampartConfig.Builder builder = RampartConfig.builder();
    if (root.allowKeys(ConfigSections.keys())) {
      for (ConfigSection<?> section : ConfigSections.all()) {
        root.get(section.key()).ifPresent(node -> bindSection(section, node, builder));
      }
    }
    return root.build(builder::build, RampartConfig.defaults());
  }

  // Only on a cleanly bound file: a section that failed to bind would make others' references
  // to it look dangling.
  private static void check(ConfigNode root, RampartConfig config) {
    for (ConfigSection<?> section : ConfigSections.all()) {
      root.get(section.key()).ifPresent(node -> section.check(config, node));
    }
  }

  private static <T> void bindSection(
      ConfigSection<T> section, ConfigNode node, RampartConfig.Builder builder) {
    section.set(builder, section.read(node));
  }

  private static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException x -> "no such file";
      case AccessDeniedException x -> "permission denied";
      case CharacterCodingException x -> "not UTF-8 text";
      default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    };
  }
}
