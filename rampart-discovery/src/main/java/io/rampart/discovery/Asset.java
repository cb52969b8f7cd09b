package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One AI-relevant asset. Properties are normalized across sources (camelCase keys, values are
 * String, Boolean, Long, Double, List or Map) so that one posture rule covers Azure exports, ARM,
 * Terraform and live scans alike; a property whose value could not be determined is absent.
 *
 * @param id stable ID: the cloud resource ID where there is one, else derived from file and name
 * @param kind what the asset is
 * @param type the source's own type, e.g. {@code Microsoft.CognitiveServices/accounts}
 * @param name display name
 * @param provider {@code azure}, {@code aws}, {@code gcp}, {@code kubernetes} or {@code code}
 * @param location region or namespace, when known
 * @param tags cloud tags or Kubernetes labels
 * @param properties normalized properties (the vocabulary the built-in posture rules read)
 * @param source file and line it was read from
 * @param firstSeen when this asset was first seen
 * @param lastSeen when this asset was last seen
 */
public record Asset(
    String id,
    AssetKind kind,
    String type,
    String name,
    String provider,
    Optional<String> location,
    Map<String, String> tags,
    Map<String, Object> properties,
    SourceRef source,
    Instant firstSeen,
    Instant lastSeen) {
  public Asset {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    requireNonNull(provider, "provider");
    requireNonNull(location, "location");
    tags = Map.copyOf(tags);
    properties = Values.freezeMap(properties);
    requireNonNull(source, "source");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
  }

  /** The owner from an {@code owner} tag or label, when there is one. */
  public Optional<String> owner() {
    return Optional.ofNullable(tags.get("owner"));
  }

  /** The property under {@code key}, when known. */
  public Optional<Object> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /** A copy with other properties (readers enrich assets once the graph is known). */
  public Asset withProperties(Map<String, Object> newProperties) {
    return new Asset(id, kind, type, name, provider, location, tags, newProperties, source,
        firstSeen, lastSeen);
  }
}
