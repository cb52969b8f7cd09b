package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One value of rampart.yaml with where it came from: source file, line, column and dotted path
 * ({@code gateway.routes[0].upstream}). Scalars are already {@code ${VAR}}-expanded.
 *
 * <p>Accessors never throw for bad input: they record a problem against this node and return empty,
 * so a single load reports every problem in the file. A YAML {@code null} or empty value counts as
 * absent.
 */
public final class ConfigNode {
  private static final String INT = "a whole number";
  private static final String DURATION = "a duration like 90d, 12h, 30m, 45s or ISO-8601 PT12H";

  enum Kind {
    MAP("a map"),
    LIST("a list"),
    SCALAR("a single value"),
    EMPTY("empty");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private final BindContext context;
  private final String path;
  private final int line;
  private final int column;
  private final Kind kind;
  private final String text;
  // true when ${VAR} expansion failed: the problem is reported already, so stay quiet
  private final boolean failed;
  private final Map<String, ConfigNode> entries;
  private final List<ConfigNode> items;

  private ConfigNode(
      BindContext context,
      String path,
      int line,
      int column,
      Kind kind,
      String text,
      boolean failed,
      Map<String, ConfigNode> entries,
      List<ConfigNode> items) {
    this.context = context;
    this.path = path;
    this.line = line;
    this.column = column;
    this.kind = kind;
    this.text = text;
    this.failed = failed;
    this.entries = entries;
    this.items = items;
  }

  static ConfigNode scalar(
      BindContext c, String path, int line, int column, String text, boolean failed) {
    return new ConfigNode(c, path, line, column, Kind.SCALAR, text, failed, Map.of(), List.of());
  }

  static ConfigNode empty(BindContext c, String path, int line, int column) {
    return new ConfigNode(c, path, line, column, Kind.EMPTY, "", false, Map.of(), List.of());
  }

  /** {@code entries} must keep file order; it is wrapped, not copied. */
  static ConfigNode map(
      BindContext c, String path, int line, int column, Map<String, ConfigNode> entries) {
    return new ConfigNode(
        c,
        path,
        line,
        column,
        Kind.MAP,
        "",
        false,
        Collections.unmodifiableMap(entries),
        List.of());
  }

  static ConfigNode list(BindContext c, String path, int line, int column, List<ConfigNode> items) {
    return new ConfigNode(
        c, path, line, column, Kind.LIST, "", false, Map.of(), List.copyOf(items));
  }

  /** The file name as given to the loader. */
  public String source() {
    return context.source();
  }

  /** Dotted path from the top of the file, empty for the document itself. */
  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** The value under {@code key}; empty when absent, null, or this is not a map. */
  public Optional<ConfigNode> get(String key) {
    requireNonNull(key, "key");
    ConfigNode child = entries.get(key);
    return child == null || child.kind == Kind.EMPTY ? Optional.empty() : Optional.of(child);
  }

  /** The entries of a free-form map (in file order); reports a problem if this is not a map. */
  public Map<String, ConfigNode> entries() {
    if (kind != Kind.MAP && kind != Kind.EMPTY) {
      wrongType("a map");
    }
    return entries;
  }

  /** The items of a list; reports a problem if this is not a list. */
  public List<ConfigNode> items() {
    if (kind != Kind.LIST && kind != Kind.EMPTY) {
      wrongType("a list");
    }
    return items;
  }

  /**
   * Declares the keys this map may hold and reports every other key, with a "did you mean" when one
   * is close. Returns false when this is not a map at all (also reported).
   */
  public boolean allowKeys(String... keys) {
    List<String> allowed = Arrays.asList(keys);
    String expected = String.join(", ", allowed);
    if (kind != Kind.MAP) {
      if (kind != Kind.EMPTY) {
        wrongType("a map with keys: " + expected);
      }
      return kind == Kind.EMPTY;
    }
    for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        String hint =
            Suggestions.closest(e.getKey(), allowed)
                .map(s -> ", did you mean '" + s + "'?")
                .orElse("");
        e.getValue().report("unknown key" + hint + " (expected one of: " + expected + ")");
      }
    }
    return true;
  }

  public Optional<String> asString() {
    return scalar("a string");
  }

  public Optional<Secret> asSecret() {
    return scalar("a string").map(Secret::of);
  }

  public Optional<Integer> asInt() {
    return scalar(INT)
        .flatMap(t -> Scalars.integer(t).or(() -> fail("not an integer (expected " + INT + ")")));
  }

  public Optional<Boolean> asBool() {
    return scalar("true or false")
        .flatMap(t -> Scalars.bool(t).or(() -> fail("not a boolean (expected true or false)")));
  }

  public Optional<Duration> asDuration() {
    return scalar(DURATION)
        .flatMap(
            t -> Durations.parse(t).or(() -> fail("not a duration (expected " + DURATION + ")")));
  }

  /** An absolute {@code http} or {@code https} URL. */
  public Optional<URI> asUrl() {
    // like every message here, this one never repeats the value: URLs may hold credentials
    return scalar("http(s)://...")
        .flatMap(t -> Scalars.url(t).or(() -> fail("not a URL (expected http(s)://...)")));
  }

  /** An enum constant written in kebab-case ({@code fail-closed} for {@code FAIL_CLOSED}). */
  public <E extends Enum<E>> Optional<E> asEnum(Class<E> type) {
    requireNonNull(type, "type");
    String choices =
        Arrays.stream(type.getEnumConstants())
            .map(Scalars::kebab)
            .collect(Collectors.joining(", "));
    return scalar("one of: " + choices)
        .flatMap(
            t ->
                Scalars.enumValue(type, t)
                    .or(() -> fail("not a valid choice (expected one of: " + choices + ")")));
  }

  /** A path with {@code ~} expanded; relative paths resolve against the config file's folder. */
  public Optional<Path> asPath() {
    return scalar("a path")
        .flatMap(
            t ->
                Scalars.path(t, context.baseDir())
                    .or(() -> fail("not a valid path (expected a path)")));
  }

  /**
   * Reads {@code key} (if present) with {@code read} and hands it to {@code set}, typically a
   * builder setter; an {@link IllegalArgumentException} from the setter becomes a problem here.
   */
  public <T> void field(
      String key, Function<ConfigNode, Optional<T>> read, Consumer<? super T> set) {
    requireNonNull(read, "read");
    requireNonNull(set, "set");
    Optional<ConfigNode> child = get(key);
    Optional<T> value = child.flatMap(read); // empty if absent or already reported
    if (child.isPresent() && value.isPresent()) {
      try {
        set.accept(value.get());
      } catch (IllegalArgumentException e) {
        child.get().report(BindContext.invalid(e, value.get() instanceof Secret));
      }
    }
  }

  /**
   * Runs a builder's {@code build()}; a cross-field {@link IllegalArgumentException} becomes a
   * problem on the key it names (or on this node) and {@code fallback} is returned instead.
   */
  public <T> T build(Supplier<T> factory, T fallback) {
    requireNonNull(factory, "factory");
    requireNonNull(fallback, "fallback");
    try {
      return factory.get();
    } catch (IllegalArgumentException e) {
      ConfigNode at = entries.getOrDefault(BindContext.field(e), this);
      at.report(BindContext.invalid(e, false));
      return fallback;
    }
  }

  /** Records a problem at this node; {@code problem} must not contain secret values. */
  public void report(String problem) {
    requireNonNull(problem, "problem");
    context.report(line, path, problem);
  }

  // Deliberately shows no value: nodes may hold secrets and do end up in logs.
  @Override
  public String toString() {
    return "ConfigNode[" + (path.isEmpty() ? "<top>" : path) + " at " + source() + ":" + line + "]";
  }

  private Optional<String> scalar(String expected) {
    if (failed) {
      return Optional.empty();
    }
    if (kind == Kind.SCALAR) {
      return Optional.of(text);
    }
    if (kind == Kind.EMPTY) {
      report("missing value (expected " + expected + ")");
    } else {
      wrongType(expected);
    }
    return Optional.empty();
  }

  private void wrongType(String expected) {
    report("wrong type: " + kind.description + " (expected " + expected + ")");
  }

  private <T> Optional<T> fail(String problem) {
    report(problem);
    return Optional.empty();
  }
}
