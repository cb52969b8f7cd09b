package io.rampart.dlp;

import io.rampart.core.config.ConfigExtension;
import io.rampart.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code dlp:} of rampart.yaml, bound through the same builders as code ({@link DlpConfig},
 * {@link RedactionPolicy}, {@link ClassificationRule}) with every problem reported against its
 * line; registered with core's config loader through {@code META-INF/services}.
 *
 * <pre>
 * dlp:
 *   min-confidence: medium
 *   disabled-types: [PERSON]
 *   stream-window: 20000
 *   custom-detectors: [detectors/employee-ids.yaml]   # relative to this file
 *   redaction:
 *     default-action: replace
 *     actions: {CREDIT_CARD: mask, US_SSN: hash}
 *     hmac-key: ${RAMPART_DLP_HMAC_KEY}
 *   classification:
 *     - {label: highly-confidential, types: [AWS_ACCESS_KEY_ID], min-confidence: medium}
 *     - {label: general, min-count: 1}
 * </pre>
 */
public final class DlpSection implements ConfigExtension<DlpSettings> {
  /** The one instance; the no-argument constructor exists for {@link java.util.ServiceLoader}. */
  public static final DlpSection INSTANCE = new DlpSection();

  public DlpSection() {}

  @Override
  public String key() {
    return "dlp";
  }

  @Override
  public DlpSettings defaults() {
    return DlpSettings.defaults();
  }

  @Override
  public DlpSettings read(ConfigNode node) {
    if (!node.allowKeys("min-confidence", "disabled-types", "stream-window", "custom-detectors",
        "redaction", "classification")) {
      return defaults();
    }
    DlpConfig.Builder engine = DlpConfig.builder();
    node.get("min-confidence").flatMap(DlpSection::confidence).ifPresent(engine::minConfidence);
    node.get("disabled-types").ifPresent(ts -> ts.items().forEach(
        t -> t.asString().ifPresent(engine::disableType)));
    // validated by the same builder, but reported at its own line
    node.get("stream-window").ifPresent(w -> w.asInt().flatMap(v -> parse(w,
        () -> DlpConfig.builder().streamWindow(v).build(), null)).ifPresent(
            c -> engine.streamWindow(c.streamWindow())));
    List<Path> files = new ArrayList<>();
    node.get("custom-detectors").ifPresent(fs -> fs.items().forEach(f -> f.asPath().ifPresent(p -> {
      // a bad detector file is reported at the line that names it, with its own file and line
      parse(f, () -> CustomDetectors.load(p), null).ifPresent(ds -> {
        files.add(p);
        engine.customDetectors(ds);
      });
    })));
    RedactionPolicy redaction = node.get("redaction").flatMap(DlpSection::redaction)
        .orElse(RedactionPolicy.builder().build());
    List<ClassificationRule> rules = new ArrayList<>();
    node.get("classification").ifPresent(rs -> rs.items().forEach(
        r -> rule(r).ifPresent(rules::add)));
    Optional<DlpConfig> built = parse(node, engine::build, null);
    return built.map(c -> new DlpSettings(c, files, redaction, rules)).orElse(defaults());
  }

  private static Optional<Confidence> confidence(ConfigNode node) {
    return node.asString()
        .flatMap(t -> parse(node, () -> Confidence.parse(t), "low, medium, high"));
  }

  private static Optional<RedactionPolicy> redaction(ConfigNode node) {
    if (!node.allowKeys("default-action", "actions", "hmac-key")) {
      return Optional.empty();
    }
    RedactionPolicy.Builder b = RedactionPolicy.builder();
    node.get("default-action").flatMap(DlpSection::action).ifPresent(b::defaultAction);
    node.get("hmac-key").flatMap(ConfigNode::asSecret).ifPresent(b::hmacKey);
    node.get("actions").ifPresent(actions -> actions.entries().forEach(
        (type, value) -> action(value).ifPresent(a -> b.action(type, a))));
    return parse(node, b::build, null);
  }

  private static Optional<RedactionAction> action(ConfigNode node) {
    return node.asString().flatMap(t -> parse(node, () -> RedactionAction.of(t),
        "mask, replace, hash, pseudonymize, block"));
  }

  private static Optional<ClassificationRule> rule(ConfigNode node) {
    if (!node.allowKeys("label", "types", "min-confidence", "min-count")) {
      return Optional.empty();
    }
    Optional<ConfigNode> labelNode = node.get("label");
    if (labelNode.isEmpty()) {
      node.report("missing key: label (expected: public, general, confidential,"
          + " highly-confidential)");
      return Optional.empty();
    }
    Optional<SensitivityLabel> label = labelNode.get().asString().flatMap(t -> parse(
        labelNode.get(), () -> SensitivityLabel.parse(t),
        "public, general, confidential, highly-confidential"));
    Set<String> types = new TreeSet<>();
    node.get("types").ifPresent(ts -> ts.items().forEach(t -> t.asString().ifPresent(types::add)));
    Confidence min = node.get("min-confidence").flatMap(DlpSection::confidence)
        .orElse(Confidence.LOW);
    int count = node.get("min-count").flatMap(ConfigNode::asInt).orElse(1);
    return label.flatMap(l -> parse(node, () -> new ClassificationRule(l, types, min, count),
        null));
  }

  /**
   * Runs {@code make}; a {@link DlpException} (the engine's own validation, with its own field
   * and expectation) becomes a problem on {@code node}.
   */
  private static <T> Optional<T> parse(ConfigNode node, Supplier<T> make, String expected) {
    try {
      return Optional.of(make.get());
    } catch (DlpException | IllegalArgumentException e) {
      node.report(expected == null ? e.getMessage()
          : "invalid value (expected: " + expected + ")");
      return Optional.empty();
    }
  }

  /** The value as plain YAML data; the HMAC key as a {@code Secret}. */
  @Override
  public Object write(DlpSettings value) {
    DlpConfig e = value.engine();
    Map<String, Object> actions = new TreeMap<>();
    value.redaction().actions().forEach((t, a) -> actions.put(t, actionId(a)));
    List<Object> rules = new ArrayList<>();
    for (ClassificationRule r : value.classification()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", r.label().id());
      m.put("types", List.copyOf(new TreeSet<>(r.types())));
      m.put("min-confidence", r.minConfidence().id());
      m.put("min-count", r.minCount());
      rules.add(m);
    }
    return ConfigExtension.map("min-confidence", e.minConfidence().id(),
        "disabled-types", List.copyOf(new TreeSet<>(e.disabledTypes())),
        "stream-window", e.streamWindow(),
        "custom-detectors", value.detectorFiles().stream().map(Path::toString).toList(),
        "redaction", ConfigExtension.map(
            "default-action", actionId(value.redaction().defaultAction()),
            "actions", actions, "hmac-key", value.redaction().hmacKey()),
        "classification", rules.isEmpty() ? "default" : rules);
  }

  static String actionId(RedactionAction a) {
    return switch (a) {
      case RedactionAction.Mask m -> "mask";
      case RedactionAction.Replace r -> "replace";
      case RedactionAction.Hash h -> "hash";
      case RedactionAction.Pseudonymize p -> "pseudonymize";
      case RedactionAction.Block b -> "block";
    };
  }
}
