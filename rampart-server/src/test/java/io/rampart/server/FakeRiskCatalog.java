package io.rampart.server;

import io.rampart.core.catalog.CatalogEntry;
import io.rampart.core.catalog.EntryKind;
import io.rampart.core.catalog.Framework;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.catalog.UnknownCatalogIdException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Four entries across the three frameworks, enough to exercise filters and lookups. */
final class FakeRiskCatalog implements RiskCatalog {
  private final List<CatalogEntry> entries = List.of(
      entry("LLM01", Framework.OWASP_LLM, EntryKind.RISK, "Prompt Injection", "AML.T0051"),
      entry("ASI01", Framework.OWASP_AGENTIC, EntryKind.RISK, "Agent Goal Hijack", "AML.T0051"),
      entry("AML.TA0005", Framework.ATLAS, EntryKind.TACTIC, "Execution"),
      entry("AML.T0051", Framework.ATLAS, EntryKind.TECHNIQUE, "LLM Prompt Injection",
          "AML.TA0005"));

  private static CatalogEntry entry(
      String id, Framework f, EntryKind k, String name, String... related) {
    return new CatalogEntry(id, f, k, name, name + " description",
        "https://example.org/" + id, List.of(related));
  }

  @Override
  public List<CatalogEntry> entries() {
    return entries;
  }

  @Override
  public List<CatalogEntry> entries(Framework framework) {
    return entries.stream().filter(e -> e.framework() == framework).toList();
  }

  @Override
  public Optional<CatalogEntry> find(String id) {
    return entries.stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst();
  }

  @Override
  public void requireKnown(Collection<String> ids, String where) {
    List<String> unknown = ids.stream().filter(id -> find(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new UnknownCatalogIdException(where, unknown);
    }
  }

  @Override
  public List<CatalogEntry> relatedTo(String id) {
    return entries.stream().filter(e -> e.related().contains(id)).toList();
  }
}
