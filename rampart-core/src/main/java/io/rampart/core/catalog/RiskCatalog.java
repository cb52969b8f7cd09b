package io.rampart.core.catalog;

import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The risk catalog: OWASP LLM 2025, OWASP Agentic and MITRE ATLAS entries, loaded once from
 * resources. Findings, rules and detections name entries by ID and are checked with {@link
 * #requireKnown} when they load.
 */
public interface RiskCatalog {

  /** The catalog shipped in Rampart's resources. */
  static RiskCatalog builtIn() {
    return CatalogLoader.builtIn();
  }

  /**
   * Loads a catalog from the given YAML resources only (same format as the built-in ones, see
   * {@code catalog/owasp-llm-2025.yaml}), validating it as the built-in catalog is validated.
   * Every {@code related} ID must be defined by one of {@code resources}.
   *
   * @throws CatalogLoadException naming the resource when one is unreadable or invalid
   */
  static RiskCatalog load(List<URL> resources) {
    return CatalogLoader.loadUrls(resources);
  }

  List<CatalogEntry> entries();

  List<CatalogEntry> entries(Framework framework);

  /** Looks up an ID case-insensitively ({@code aml.t0051} finds {@code AML.T0051}). */
  Optional<CatalogEntry> find(String id);

  /**
   * Throws {@link UnknownCatalogIdException} naming every ID in {@code ids} that the catalog
   * does not know, and {@code where} (for example {@code rules.yaml:12}).
   */
  void requireKnown(Collection<String> ids, String where);

  /** Entries whose {@code related} list names {@code id} (e.g. techniques of a tactic). */
  List<CatalogEntry> relatedTo(String id);
}
