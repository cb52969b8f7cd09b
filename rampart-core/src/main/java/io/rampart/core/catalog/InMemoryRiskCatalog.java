package io.rampart.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Immutable catalog over already validated entries, indexed by upper-case ID. */
final class InMemoryRiskCatalog implements RiskCatalog {
  private final List<CatalogEntry> entries;
  private final Map<Framework, List<CatalogEntry>> byFramework;
  private final Map<String, CatalogEntry> byId;
  private final Map<String, List<CatalogEntry>> byRelated;

  /** {@code entries} must have unique IDs (the loader checks this). */
  InMemoryRiskCatalog(List<CatalogEntry> entries) {
    this.entries = List.copyOf(entries);
    Map<Framework, List<CatalogEntry>> frameworks = new EnumMap<>(Framework.class);
    Map<String, CatalogEntry> ids = HashMap.newHashMap(entries.size());
    Map<String, List<CatalogEntry>> related = new HashMap<>();
    for (CatalogEntry entry : this.entries) {
      frameworks.computeIfAbsent(entry.framework(), f -> new ArrayList<>()).add(entry);
      ids.put(key(entry.id()), entry);
      for (String target : entry.related()) {
        related.computeIfAbsent(key(target), k -> new ArrayList<>()).add(entry);
      }
    }
    Map<Framework, List<CatalogEntry>> frozen = new EnumMap<>(Framework.class);
    for (Framework framework : Framework.values()) {
      frozen.put(framework, List.copyOf(frameworks.getOrDefault(framework, List.of())));
    }
    this.byFramework = frozen;
    this.byId = Map.copyOf(ids);
    Map<String, List<CatalogEntry>> relatedFrozen = new LinkedHashMap<>();
    related.forEach((k, v) -> relatedFrozen.put(k, List.copyOf(v)));
    this.byRelated = Map.copyOf(relatedFrozen);
  }

  /** The index key of an ID: stripped and upper-cased. */
  static String key(String id) {
    return id.strip().toUpperCase(Locale.ROOT);
  }

  @Override
  public List<CatalogEntry> entries() {
    return entries;
  }

  @Override
  public List<CatalogEntry> entries(Framework framework) {
    return byFramework.get(requireNonNull(framework, "framework"));
  }

  @Override
  public Optional<CatalogEntry> find(String id) {
    return Optional.ofNullable(byId.get(key(requireNonNull(id, "id"))));
  }

  @Override
  public void requireKnown(Collection<String> ids, String where) {
    requireNonNull(ids, "ids");
    requireNonNull(where, "where");
    Set<String> unknown = new LinkedHashSet<>();
    for (String id : ids) {
      if (!byId.containsKey(key(requireNonNull(id, "ids[]")))) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new UnknownCatalogIdException(where, List.copyOf(unknown));
    }
  }

  @Override
  public List<CatalogEntry> relatedTo(String id) {
    return byRelated.getOrDefault(key(requireNonNull(id, "id")), List.of());
  }

  @Override
  public String toString() {
    return "RiskCatalog[entries=" + entries.size() + "]";
  }
}
