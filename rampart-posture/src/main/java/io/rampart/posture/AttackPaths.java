package io.rampart.posture;

import io.rampart.core.event.Severity;
import io.rampart.discovery.Asset;
import io.rampart.discovery.Inventory;
import io.rampart.discovery.RelationType;
import io.rampart.discovery.Relationship;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Combines findings over the relationship graph: from each asset with an entry-point finding
 * (exposed endpoint, leaked credential) it walks up to three edges to assets with further
 * findings of medium severity or more. A path scores above every finding on it.
 */
final class AttackPaths {
  private static final int MAX_HOPS = 3;

  private AttackPaths() {}

  static List<AttackPath> find(Inventory inv, List<Finding> findings, List<Rule> rules) {
    Set<String> entryRules = rules.stream().filter(Rule::entryPoint).map(Rule::id)
        .collect(Collectors.toSet());
    Map<String, List<Finding>> byAsset = new HashMap<>();
    findings.forEach(f -> byAsset.computeIfAbsent(f.asset(), k -> new ArrayList<>()).add(f));
    Map<String, AttackPath> best = new LinkedHashMap<>();
    for (Finding entry : findings) {
      if (!entryRules.contains(entry.rule())) {
        continue;
      }
      walk(inv, byAsset, entry, List.of(entry.asset()), best);
    }
    List<AttackPath> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparingDouble(AttackPath::score).reversed()
        .thenComparing(AttackPath::id));
    return out;
  }

  private static void walk(Inventory inv, Map<String, List<Finding>> byAsset, Finding entry,
      List<String> chain, Map<String, AttackPath> best) {
    String here = chain.getLast();
    // targets are cloud and cluster assets: one leaked file leading to another is not a path
    boolean target = inv.asset(here).map(a -> !a.provider().equals("code")).orElse(false);
    if (chain.size() > 1 && target) {
      List<Finding> targets = byAsset.getOrDefault(here, List.of()).stream()
          .filter(f -> f.severity().compareTo(Severity.MEDIUM) >= 0).toList();
      if (!targets.isEmpty()) {
        AttackPath p = path(inv, byAsset, entry, chain);
        String key = entry.asset() + "->" + here;
        AttackPath prev = best.get(key);
        if (prev == null || p.assets().size() < prev.assets().size()) {
          best.put(key, p);
        }
      }
    }
    if (chain.size() > MAX_HOPS) {
      return;
    }
    Set<String> next = new HashSet<>();
    for (Relationship r : inv.outgoing(here)) {
      if (r.type() != RelationType.MONITORS && r.type() != RelationType.PRIVATE_LINK_TO) {
        next.add(r.to());
      }
    }
    for (Relationship r : inv.incoming(here)) {
      if (r.type() == RelationType.PART_OF) {
        next.add(r.from()); // an account leads to its deployments
      }
    }
    for (String n : next.stream().sorted().toList()) {
      if (!chain.contains(n)) {
        List<String> longer = new ArrayList<>(chain);
        longer.add(n);
        walk(inv, byAsset, entry, longer, best);
      }
    }
  }

  private static AttackPath path(Inventory inv, Map<String, List<Finding>> byAsset,
      Finding entry, List<String> chain) {
    List<Finding> along = new ArrayList<>(List.of(entry));
    for (String id : chain.subList(1, chain.size())) {
      along.addAll(byAsset.getOrDefault(id, List.of()));
    }
    double top = along.stream().mapToDouble(Finding::score).max().orElse(0);
    double score = Scoring.round(Math.min(10, top + 0.5 + 0.1 * (along.size() - 2)));
    Severity worst = along.stream().map(Finding::severity).max(Comparator.naturalOrder())
        .orElse(Severity.MEDIUM);
    Severity raised = Severity.values()[Math.min(Severity.CRITICAL.ordinal(),
        worst.ordinal() + 1)];
    String title = chain.stream().map(id -> inv.asset(id).map(Asset::name).orElse(id))
        .collect(Collectors.joining(" -> ", entry.title() + ": ", ""));
    String id = "path:" + Integer.toHexString(String.join("|", chain).hashCode());
    return new AttackPath(id, title, raised, chain,
        along.stream().map(Finding::rule).distinct().toList(), score);
  }
}
