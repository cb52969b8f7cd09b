package io.rampart.core.inventory;

import java.util.List;

/**
 * What one completed scan saw, handed to {@link InventoryStore#complete}.
 *
 * @param assets every asset seen (seen times and missing flags are set by the store)
 * @param links relationships between them
 * @param findings every finding of the run
 * @param attackPaths how many attack paths the assessment found
 * @param errors how many inputs could not be read
 * @param estateScore the estate's risk score 0..100
 */
public record RunInput(List<AssetRecord> assets, List<AssetLink> links,
    List<FindingRecord> findings, int attackPaths, int errors, int estateScore) {
  public RunInput {
    assets = List.copyOf(assets);
    links = List.copyOf(links);
    findings = List.copyOf(findings);
  }
}
