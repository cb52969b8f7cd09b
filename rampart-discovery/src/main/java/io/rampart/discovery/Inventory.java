package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a discovery scan: assets keyed by stable ID, the relationships between them and
 * the inputs that could not be read. Immutable.
 */
public final class Inventory {
  private final Map<String, Asset> assets;
  private final List<Relationship> relationships;
  private final List<ScanError> errors;
  // edges by end: rules and attack paths look these up per asset, so a linear scan made an
  // assessment quadratic (10,000 resources took tens of seconds)
  private final Map<String, List<Relationship>> outgoing = new HashMap<>();
  private final Map<String, List<Relationship>> incoming = new HashMap<>();

  private Inventory(Map<String, Asset> assets, List<Relationship> relationships,
      List<ScanError> errors) {
    this.assets = assets;
    this.relationships = relationships;
    this.errors = errors;
    for (Relationship r : relationships) {
      outgoing.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
      incoming.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r);
    }
    outgoing.replaceAll((k, v) -> List.copyOf(v));
    incoming.replaceAll((k, v) -> List.copyOf(v));
  }

  /**
   * An inventory of the given parts. Assets with the same ID are merged (the first one wins,
   * last-seen is the latest); relationships whose ends are not both assets are dropped.
   */
  public static Inventory of(List<Asset> assets, List<Relationship> relationships,
      List<ScanError> errors) {
    requireNonNull(assets, "assets");
    requireNonNull(relationships, "relationships");
    requireNonNull(errors, "errors");
    Map<String, Asset> byId = new LinkedHashMap<>();
    for (Asset a : assets) {
      byId.merge(a.id(), a, (old, neu) -> neu.lastSeen().isAfter(old.lastSeen())
          ? new Asset(old.id(), old.kind(), old.type(), old.name(), old.provider(),
              old.location(), old.tags(), old.properties(), old.source(), old.firstSeen(),
              neu.lastSeen())
          : old);
    }
    Set<Relationship> rels = new LinkedHashSet<>();
    for (Relationship r : relationships) {
      if (byId.containsKey(r.from()) && byId.containsKey(r.to()) && !r.from().equals(r.to())) {
        rels.add(r);
      }
    }
    return new Inventory(
        java.util.Collections.unmodifiableMap(byId), List.copyOf(rels), List.copyOf(errors));
  }

  /** Every asset, in discovery order. */
  public List<Asset> assets() {
    return List.copyOf(assets.values());
  }

  public Optional<Asset> asset(String id) {
    return Optional.ofNullable(assets.get(requireNonNull(id, "id")));
  }

  public List<Relationship> relationships() {
    return relationships;
  }

  /** Edges leaving {@code id}. */
  public List<Relationship> outgoing(String id) {
    return outgoing.getOrDefault(id, List.of());
  }

  /** Edges arriving at {@code id}. */
  public List<Relationship> incoming(String id) {
    return incoming.getOrDefault(id, List.of());
  }

  /** Inputs that could not be read, each with file and line where known. */
  public List<ScanError> errors() {
    return errors;
  }
}
