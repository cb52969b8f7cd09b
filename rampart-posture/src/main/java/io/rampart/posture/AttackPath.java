package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import java.util.List;

/**
 * A chain of assets an attacker can walk, from an entry-point finding to assets with further
 * findings. Scored above any single finding it combines.
 *
 * @param id stable ID derived from the chain
 * @param title one line, e.g. "internet → vllm → ..."
 * @param severity highest severity along the path, raised one step
 * @param assets asset IDs from entry to target
 * @param findings rule IDs met along the path, in order
 * @param score risk score 0..10
 */
public record AttackPath(String id, String title, Severity severity, List<String> assets,
    List<String> findings, double score) {
  public AttackPath {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(severity, "severity");
    assets = List.copyOf(assets);
    findings = List.copyOf(findings);
  }
}
