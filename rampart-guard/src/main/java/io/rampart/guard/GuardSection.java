package io.rampart.guard;

import io.rampart.core.config.ConfigExtension;
import io.rampart.core.config.ConfigNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code guard:} of rampart.yaml, bound through {@link GuardConfig.Builder}; registered with
 * core's config loader through {@code META-INF/services}. Example:
 *
 * <pre>{@code
 * guard:
 *   prompt-threshold: 0.6
 *   allow-patterns: ['aws_secret_access_key\s*=']
 *   policies:
 *     support-bot: {prompt-threshold: 0.8, disabled-rules: [override.output-forcing]}
 * }</pre>
 */
public final class GuardSection implements ConfigExtension<GuardPolicies> {
  /** The one instance; the no-argument constructor exists for {@link java.util.ServiceLoader}. */
  public static final GuardSection INSTANCE = new GuardSection();

  static final String[] POLICY_KEYS = {
    "prompt-threshold", "retrieved-threshold", "response-threshold", "tools-threshold",
    "fast-allow-below", "fast-block-at", "allow-patterns", "disabled-rules", "blocked-domains",
    "trusted-domains", "max-input-chars", "max-decode-depth", "model", "head", "model-max-tokens"
  };

  public GuardSection() {}

  @Override
  public String key() {
    return "guard";
  }

  @Override
  public GuardPolicies defaults() {
    return GuardPolicies.DEFAULT;
  }

  @Override
  public GuardPolicies read(ConfigNode node) {
    String[] keys = java.util.Arrays.copyOf(POLICY_KEYS, POLICY_KEYS.length + 1);
    keys[POLICY_KEYS.length] = "policies";
    if (!node.allowKeys(keys)) {
      return GuardPolicies.DEFAULT;
    }
    GuardConfig.Builder base = GuardConfig.builder();
    apply(node, base);
    GuardConfig defaults = build(node, base).orElse(GuardConfig.defaults());
    Map<String, GuardConfig> named = new LinkedHashMap<>();
    node.get("policies").ifPresent(ps -> ps.entries().forEach((name, p) -> {
      if (p.allowKeys(POLICY_KEYS)) {
        // A named policy starts from the section's own settings, then overrides them.
        GuardConfig.Builder b = GuardConfig.builder();
        apply(node, b);
        apply(p, b);
        build(p, b).ifPresent(c -> named.put(name, c));
      }
    }));
    return new GuardPolicies(defaults, named);
  }

  private static void apply(ConfigNode n, GuardConfig.Builder b) {
    number(n, "prompt-threshold", b::promptThreshold);
    number(n, "retrieved-threshold", b::retrievedThreshold);
    number(n, "response-threshold", b::responseThreshold);
    number(n, "tools-threshold", b::toolsThreshold);
    number(n, "fast-allow-below", b::fastAllowBelow);
    number(n, "fast-block-at", b::fastBlockAt);
    strings(n, "allow-patterns", b::allowPattern);
    strings(n, "disabled-rules", b::disableRule);
    strings(n, "blocked-domains", b::blockDomain);
    strings(n, "trusted-domains", b::trustDomain);
    integer(n, "max-input-chars", b::maxInputChars);
    integer(n, "max-decode-depth", b::maxDecodeDepth);
    integer(n, "model-max-tokens", b::modelMaxTokens);
    n.get("head").ifPresent(h -> h.asPath().ifPresent(b::head));
    n.get("model").ifPresent(m -> m.asEnum(GuardConfig.ModelMode.class).ifPresent(b::model));
  }

  private static void number(ConfigNode n, String key, Consumer<Double> set) {
    n.get(key).ifPresent(v -> v.asString().ifPresent(t -> {
      try {
        set.accept(Double.parseDouble(t));
      } catch (NumberFormatException e) {
        v.report("not a number (expected a number between 0 and 1)");
      }
    }));
  }

  private static void integer(ConfigNode n, String key, Consumer<Integer> set) {
    n.get(key).ifPresent(v -> v.asInt().ifPresent(set));
  }

  private static void strings(ConfigNode n, String key, Consumer<String> add) {
    n.get(key).ifPresent(list -> list.items().forEach(i -> i.asString().ifPresent(s -> {
      try {
        add.accept(s);
      } catch (GuardException e) {
        i.report(problem(e));
      }
    })));
  }

  // Validation happens in build(); the message names the key, so report it there.
  private static Optional<GuardConfig> build(ConfigNode n, GuardConfig.Builder b) {
    try {
      return Optional.of(b.build());
    } catch (GuardException e) {
      String msg = String.valueOf(e.getMessage());
      String field = msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : "";
      ConfigNode at = field.contains("/") ? n : n.get(field).orElse(n);
      at.report(problem(e));
      return Optional.empty();
    }
  }

  // Keeps the "(expected ...)" part only, like core's messages: values may come from the env.
  private static String problem(GuardException e) {
    String msg = String.valueOf(e.getMessage());
    int i = msg.lastIndexOf("(expected");
    return i < 0 ? "invalid value" : "invalid value " + msg.substring(i).replace("(expected:", "(expected");
  }

  @Override
  public Object write(GuardPolicies value) {
    Map<String, Object> named = new LinkedHashMap<>();
    value.named().forEach((k, v) -> named.put(k, policy(v)));
    Map<String, Object> out = new LinkedHashMap<>(policy(value.defaults()));
    out.put("policies", named);
    return out;
  }

  private static Map<String, Object> policy(GuardConfig c) {
    List<String> patterns = new ArrayList<>();
    c.allowPatterns().forEach((Pattern p) -> patterns.add(p.pattern()));
    return ConfigExtension.map(
        "prompt-threshold", c.thresholds().prompt(),
        "retrieved-threshold", c.thresholds().retrieved(),
        "response-threshold", c.thresholds().response(),
        "tools-threshold", c.thresholds().tools(),
        "fast-allow-below", c.fastAllowBelow(),
        "fast-block-at", c.fastBlockAt(),
        "allow-patterns", patterns,
        "disabled-rules", c.disabledRules().stream().sorted().toList(),
        "blocked-domains", c.blockedDomains().stream().sorted().toList(),
        "trusted-domains", c.trustedDomains().stream().sorted().toList(),
        "max-input-chars", c.maxInputChars(),
        "max-decode-depth", c.maxDecodeDepth(),
        "model", c.model().name().toLowerCase(Locale.ROOT),
        "head", c.head().map(Object::toString).orElse("bundled"),
        "model-max-tokens", c.modelMaxTokens());
  }
}
