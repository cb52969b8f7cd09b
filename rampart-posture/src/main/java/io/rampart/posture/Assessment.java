package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.discovery.Inventory;
import java.util.List;
import java.util.Map;

/**
 * The result of assessing an inventory: findings (highest score first), attack paths (ranked
 * above single findings), rules that failed to evaluate, and per-asset and estate risk scores.
 */
public record Assessment(Inventory inventory, List<Finding> findings,
    List<AttackPath> attackPaths, List<RuleError> ruleErrors, Map<String, Double> assetScores,
    int estateScore) {
  public Assessment {
    requireNonNull(inventory, "inventory");
    findings = List.copyOf(findings);
    attackPaths = List.copyOf(attackPaths);
    ruleErrors = List.copyOf(ruleErrors);
    assetScores = Map.copyOf(assetScores);
  }
}
