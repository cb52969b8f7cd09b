package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.discovery.Asset;
import io.rampart.discovery.Inventory;
import io.rampart.discovery.Relationship;
import io.rampart.discovery.SourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link RuleSet} over an {@link Inventory}. A condition that fails on an asset
 * (a missing property, a type error) makes no finding for it and is reported once per rule as a
 * {@link RuleError}; it never stops the assessment. Thread-safe.
 */
public final class PostureEngine {
  private final RuleSet rules;

  private PostureEngine(RuleSet rules) {
    this.rules = rules;
  }

  public static PostureEngine create(RuleSet rules) {
    return new PostureEngine(requireNonNull(rules, "rules"));
  }

  public Assessment assess(Inventory inventory) {
    requireNonNull(inventory, "inventory");
    List<Finding> findings = new ArrayList<>();
    List<RuleError> errors = new ArrayList<>();
    List<Asset> assets = inventory.assets();
    Map<String, Map<String, Object>> views = new LinkedHashMap<>();
    for (Asset a : assets) {
      views.put(a.id(), view(a, inventory));
    }
    for (RuleLoader.Compiled c : rules.compiled()) {
      Rule r = c.rule();
      int failed = 0;
      String firstError = "";
      for (Asset a : assets) {
        if (!r.kinds().contains(a.kind())) {
          continue;
        }
        try {
          Object result = c.program().eval(Map.of("asset", views.get(a.id())));
          if (Boolean.TRUE.equals(result)) {
            findings.add(new Finding(r.id(), r.severity(), a.id(), r.title(),
                java.util.Optional.of(location(a, r)), r.references(),
                Scoring.finding(r.severity(), a)));
          }
        } catch (Exception e) {
          if (failed++ == 0) {
            firstError = a.id() + ": " + String.valueOf(e.getMessage()).lines().findFirst()
                .orElse(e.getClass().getSimpleName());
          }
        }
      }
      if (failed > 0) {
        errors.add(new RuleError(r.id(), failed, "when: evaluation failed on " + failed
            + " asset(s), first " + firstError + " (expected: guard optional properties with"
            + " has())"));
      }
    }
    findings.sort(Comparator.comparingDouble(Finding::score).reversed()
        .thenComparing(Finding::rule).thenComparing(Finding::asset));
    List<AttackPath> paths = AttackPaths.find(inventory, findings, rules.rules());
    // grouped once: filtering all findings and paths per asset was quadratic in estate size
    Map<String, List<Finding>> byAsset = new java.util.HashMap<>();
    for (Finding f : findings) {
      byAsset.computeIfAbsent(f.asset(), k -> new ArrayList<>()).add(f);
    }
    Map<String, Double> pathScore = new java.util.HashMap<>();
    for (AttackPath p : paths) {
      for (String id : p.assets()) {
        pathScore.merge(id, p.score(), Math::max);
      }
    }
    Map<String, Double> assetScores = new LinkedHashMap<>();
    for (Asset a : assets) {
      double s = Scoring.asset(byAsset.getOrDefault(a.id(), List.of()));
      assetScores.put(a.id(), Math.max(s, pathScore.getOrDefault(a.id(), s)));
    }
    return new Assessment(inventory, findings, paths, errors, assetScores,
        Scoring.estate(List.copyOf(assetScores.values())));
  }

  /** The asset's source, at the line of the rule's first piece of evidence when it has one. */
  private static SourceRef location(Asset a, Rule r) {
    return r.evidence().flatMap(a::property)
        .filter(List.class::isInstance).map(l -> (List<?>) l)
        .flatMap(l -> l.stream().findFirst())
        .filter(Map.class::isInstance).map(m -> ((Map<?, ?>) m).get("line"))
        .filter(Long.class::isInstance)
        .map(line -> new SourceRef(a.source().path(), ((Long) line).intValue()))
        .orElse(a.source());
  }

  /** What a condition sees as {@code asset}. */
  static Map<String, Object> view(Asset a, Inventory inv) {
    List<Object> links = new ArrayList<>();
    for (Relationship r : inv.outgoing(a.id())) {
      links.add(link(r.type().id(), "out", inv, r.to()));
    }
    for (Relationship r : inv.incoming(a.id())) {
      links.add(link(r.type().id(), "in", inv, r.from()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("kind", a.kind().id());
    m.put("type", a.type());
    m.put("name", a.name());
    m.put("provider", a.provider());
    m.put("location", a.location().orElse(""));
    m.put("tags", a.tags());
    m.put("props", a.properties());
    m.put("links", links);
    return m;
  }

  private static Map<String, Object> link(String type, String dir, Inventory inv, String other) {
    return Map.of("type", type, "direction", dir, "id", other,
        "kind", inv.asset(other).map(x -> x.kind().id()).orElse(""));
  }
}
