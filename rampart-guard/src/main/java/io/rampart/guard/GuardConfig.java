package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One guard policy: thresholds, allow-lists and limits. Build with {@link #builder()} or read a
 * YAML/JSON section with {@link #fromTree(JsonNode)} (kebab-case keys, e.g. {@code
 * prompt-threshold}).
 *
 * @param thresholds block when the score reaches the surface's threshold
 * @param fastAllowBelow the fast tier allows on its own below this score when nothing looks odd
 * @param fastBlockAt the fast tier blocks on its own from this score
 * @param allowPatterns signals whose span lies inside a match are ignored (known false positives)
 * @param disabledRules signature IDs switched off
 * @param blockedDomains links or images to these domains (or their subdomains) in responses block
 * @param trustedDomains images and links to these domains are never treated as exfiltration
 * @param maxInputChars longer inputs are blocked unread (fail closed)
 * @param maxDecodeDepth how many nested encodings are unwrapped
 * @param model whether unsure cases go to the embedding classifier
 * @param head a classifier head to load instead of the bundled one
 * @param modelMaxTokens tokens the encoder sees: the start and the end of longer inputs
 * @param ticker monotonic nanoseconds for latency, injected for tests
 */
public record GuardConfig(
    Thresholds thresholds,
    double fastAllowBelow,
    double fastBlockAt,
    List<Pattern> allowPatterns,
    Set<String> disabledRules,
    Set<String> blockedDomains,
    Set<String> trustedDomains,
    int maxInputChars,
    int maxDecodeDepth,
    ModelMode model,
    Optional<Path> head,
    int modelMaxTokens,
    LongSupplier ticker) {

  /** This configuration with the model tier switched as given, everything else unchanged. */
  public GuardConfig withModel(ModelMode mode) {
    return new GuardConfig(thresholds, fastAllowBelow, fastBlockAt, allowPatterns, disabledRules,
        blockedDomains, trustedDomains, maxInputChars, maxDecodeDepth, mode, head,
        modelMaxTokens, ticker);
  }

  /** Whether the model tier runs. */
  public enum ModelMode {
    ENABLED,
    /** Fast tier only: unsure cases are decided by the fast score against the threshold. */
    DISABLED
  }

  /** Block thresholds per inspected surface. */
  public record Thresholds(double prompt, double retrieved, double response, double tools) {
    public Thresholds {
      check("prompt-threshold", prompt);
      check("retrieved-threshold", retrieved);
      check("response-threshold", response);
      check("tools-threshold", tools);
    }

    private static void check(String field, double value) {
      if (!(value > 0 && value <= 1)) {
        throw new GuardException(field + ": " + value + " (expected: 0 < value <= 1)");
      }
    }
  }

  public GuardConfig {
    requireNonNull(thresholds, "thresholds");
    requireNonNull(model, "model");
    requireNonNull(head, "head");
    requireNonNull(ticker, "ticker");
    allowPatterns = List.copyOf(allowPatterns);
    disabledRules = Set.copyOf(disabledRules);
    blockedDomains = lowerCase(blockedDomains);
    trustedDomains = lowerCase(trustedDomains);
    if (!(fastAllowBelow >= 0 && fastAllowBelow < fastBlockAt && fastBlockAt <= 1)) {
      throw new GuardException(
          "fast-allow-below/fast-block-at: " + fastAllowBelow + "/" + fastBlockAt
              + " (expected: 0 <= allow < block <= 1)");
    }
    positive("max-input-chars", maxInputChars);
    positive("model-max-tokens", modelMaxTokens);
    if (maxDecodeDepth < 0 || maxDecodeDepth > 8) {
      throw new GuardException("max-decode-depth: " + maxDecodeDepth + " (expected: 0..8)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The default policy. */
  public static GuardConfig defaults() {
    return builder().build();
  }

  /**
   * Reads a config section such as {@code guard:} of rampart.yaml. Unknown keys are errors.
   *
   * @throws GuardException naming the key on a bad value
   */
  public static GuardConfig fromTree(JsonNode node) {
    requireNonNull(node, "node");
    Builder b = builder();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "prompt-threshold" -> b.promptThreshold(number(e.getKey(), v));
        case "retrieved-threshold" -> b.retrievedThreshold(number(e.getKey(), v));
        case "response-threshold" -> b.responseThreshold(number(e.getKey(), v));
        case "tools-threshold" -> b.toolsThreshold(number(e.getKey(), v));
        case "fast-allow-below" -> b.fastAllowBelow(number(e.getKey(), v));
        case "fast-block-at" -> b.fastBlockAt(number(e.getKey(), v));
        case "allow-patterns" -> strings(e.getKey(), v).forEach(b::allowPattern);
        case "disabled-rules" -> strings(e.getKey(), v).forEach(b::disableRule);
        case "blocked-domains" -> strings(e.getKey(), v).forEach(b::blockDomain);
        case "trusted-domains" -> strings(e.getKey(), v).forEach(b::trustDomain);
        case "max-input-chars" -> b.maxInputChars((int) number(e.getKey(), v));
        case "max-decode-depth" -> b.maxDecodeDepth((int) number(e.getKey(), v));
        case "model-max-tokens" -> b.modelMaxTokens((int) number(e.getKey(), v));
        case "head" -> b.head(Path.of(v.asText()));
        case "model" ->
            b.model(
                switch (v.asText()) {
                  case "enabled" -> ModelMode.ENABLED;
                  case "disabled" -> ModelMode.DISABLED;
                  default ->
                      throw new GuardException(
                          "model: " + v.asText() + " (expected: enabled or disabled)");
                });
        default ->
            throw new GuardException(
                "guard." + e.getKey() + ": unknown key (expected: one of prompt-threshold,"
                    + " retrieved-threshold, response-threshold, tools-threshold,"
                    + " fast-allow-below, fast-block-at, allow-patterns, disabled-rules,"
                    + " blocked-domains, trusted-domains, max-input-chars, max-decode-depth,"
                    + " model, head, model-max-tokens)");
      }
    }
    return b.build();
  }

  private static double number(String key, JsonNode v) {
    if (!v.isNumber()) {
      throw new GuardException(key + ": " + v + " (expected: a number)");
    }
    return v.asDouble();
  }

  private static List<String> strings(String key, JsonNode v) {
    if (!v.isArray()) {
      throw new GuardException(key + ": " + v + " (expected: a list of strings)");
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new GuardException(field + ": " + value + " (expected: > 0)");
    }
  }

  private static Set<String> lowerCase(Set<String> domains) {
    Set<String> out = new LinkedHashSet<>();
    for (String d : domains) {
      out.add(d.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** Mutable builder; every setter validates when {@link #build()} runs. */
  public static final class Builder {
    private double prompt = 0.5;
    private double retrieved = 0.5;
    private double response = 0.5;
    private double tools = 0.5;
    private double fastAllowBelow = 0.1;
    private double fastBlockAt = 0.9;
    private final List<Pattern> allowPatterns = new ArrayList<>();
    private final Set<String> disabledRules = new LinkedHashSet<>();
    private final Set<String> blockedDomains = new LinkedHashSet<>();
    private final Set<String> trustedDomains = new LinkedHashSet<>();
    private int maxInputChars = 2_000_000;
    private int maxDecodeDepth = 3;
    private ModelMode model = ModelMode.ENABLED;
    private Optional<Path> head = Optional.empty();
    private int modelMaxTokens = 128;
    private LongSupplier ticker = System::nanoTime;

    private Builder() {}

    public Builder promptThreshold(double v) {
      prompt = v;
      return this;
    }

    public Builder retrievedThreshold(double v) {
      retrieved = v;
      return this;
    }

    public Builder responseThreshold(double v) {
      response = v;
      return this;
    }

    public Builder toolsThreshold(double v) {
      tools = v;
      return this;
    }

    public Builder fastAllowBelow(double v) {
      fastAllowBelow = v;
      return this;
    }

    public Builder fastBlockAt(double v) {
      fastBlockAt = v;
      return this;
    }

    /** A Java regular expression, matched case-insensitively against the input. */
    public Builder allowPattern(String regex) {
      requireNonNull(regex, "regex");
      try {
        allowPatterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
      } catch (PatternSyntaxException e) {
        throw new GuardException("allow-patterns: " + regex + " (expected: a Java regex)", e);
      }
      return this;
    }

    public Builder disableRule(String ruleId) {
      disabledRules.add(requireNonNull(ruleId, "ruleId"));
      return this;
    }

    public Builder blockDomain(String domain) {
      blockedDomains.add(requireNonNull(domain, "domain"));
      return this;
    }

    public Builder trustDomain(String domain) {
      trustedDomains.add(requireNonNull(domain, "domain"));
      return this;
    }

    public Builder maxInputChars(int v) {
      maxInputChars = v;
      return this;
    }

    public Builder maxDecodeDepth(int v) {
      maxDecodeDepth = v;
      return this;
    }

    public Builder model(ModelMode v) {
      model = requireNonNull(v, "model");
      return this;
    }

    public Builder head(Path v) {
      head = Optional.of(requireNonNull(v, "head"));
      return this;
    }

    public Builder modelMaxTokens(int v) {
      modelMaxTokens = v;
      return this;
    }

    public Builder ticker(LongSupplier v) {
      ticker = requireNonNull(v, "ticker");
      return this;
    }

    public GuardConfig build() {
      return new GuardConfig(
          new Thresholds(prompt, retrieved, response, tools),
          fastAllowBelow,
          fastBlockAt,
          allowPatterns,
          disabledRules,
          blockedDomains,
          trustedDomains,
          maxInputChars,
          maxDecodeDepth,
          model,
          head,
          modelMaxTokens,
          ticker);
    }
  }
}
