package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import io.rampart.discovery.SourceRef;
import java.util.List;
import java.util.Optional;

/**
 * One rule failing on one asset.
 *
 * @param rule rule ID
 * @param severity the rule's severity
 * @param asset asset ID
 * @param title the rule's title
 * @param location file and line of the asset, where the source has them
 * @param references risk catalog IDs
 * @param score risk score 0..10 from severity, exposure and data sensitivity
 */
public record Finding(String rule, Severity severity, String asset, String title,
    Optional<SourceRef> location, List<String> references, double score) {
  public Finding {
    requireNonNull(rule, "rule");
    requireNonNull(severity, "severity");
    requireNonNull(asset, "asset");
    requireNonNull(title, "title");
    requireNonNull(location, "location");
    references = List.copyOf(references);
  }
}
