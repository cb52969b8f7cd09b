package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import io.rampart.discovery.AssetKind;
import io.rampart.discovery.SourceRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One posture rule as written in YAML.
 *
 * @param id dotted ID, e.g. {@code azure.ai.local-auth-enabled}
 * @param severity severity of a finding
 * @param title one line shown in reports
 * @param rationale why it matters
 * @param remediation how to fix it
 * @param references risk catalog IDs (validated at load)
 * @param recommendation the matching cloud provider recommendation, when there is one
 * @param kinds asset kinds the rule applies to
 * @param condition CEL expression over {@code asset}; true means the asset fails the rule
 * @param entryPoint whether a finding is a way in for an attacker (starts attack paths)
 * @param evidence a list property whose items carry {@code line}: the finding points at the
 *     first item's line instead of the asset's
 * @param where file and line the rule was defined at
 */
public record Rule(
    String id,
    Severity severity,
    String title,
    String rationale,
    String remediation,
    List<String> references,
    Optional<String> recommendation,
    Set<AssetKind> kinds,
    String condition,
    boolean entryPoint,
    Optional<String> evidence,
    SourceRef where) {
  public Rule {
    requireNonNull(id, "id");
    requireNonNull(severity, "severity");
    requireNonNull(title, "title");
    requireNonNull(rationale, "rationale");
    requireNonNull(remediation, "remediation");
    references = List.copyOf(references);
    requireNonNull(recommendation, "recommendation");
    kinds = Set.copyOf(kinds);
    requireNonNull(condition, "condition");
    requireNonNull(evidence, "evidence");
    requireNonNull(where, "where");
  }
}
