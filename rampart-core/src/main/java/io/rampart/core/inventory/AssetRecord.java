package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One asset of the stored inventory. When handed to {@link InventoryStore#complete} only the
 * descriptive fields count: the store sets first/last seen and the missing flag itself.
 *
 * @param id stable ID (cloud resource ID, or derived from file and name)
 * @param kind asset kind ID such as {@code ai_account}
 * @param type the source's own type such as {@code Microsoft.CognitiveServices/accounts}
 * @param provider {@code azure}, {@code aws}, {@code gcp}, {@code kubernetes} or {@code code}
 * @param tags cloud tags or labels; an {@code owner} tag is the owner
 * @param properties normalized properties (JSON-compatible values)
 * @param source where it was read, {@code path} or {@code path:line}
 * @param missingSince when the asset's scope last ran without seeing it; empty while present
 */
public record AssetRecord(
    String id,
    String kind,
    String type,
    String name,
    String provider,
    Optional<String> location,
    Map<String, String> tags,
    Map<String, Object> properties,
    String source,
    Instant firstSeen,
    Instant lastSeen,
    Optional<Instant> missingSince) {
  public AssetRecord {
    requireNonNull(id, "id");
    if (id.isEmpty() || id.length() > 2000) {
      throw new IllegalArgumentException("id: " + id.length() + " characters (expected: 1..2000)");
    }
    requireNonNull(kind, "kind");
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    requireNonNull(provider, "provider");
    requireNonNull(location, "location");
    tags = Map.copyOf(tags);
    // properties may hold nulls-free nested lists and maps; keep order for stable JSON
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    requireNonNull(source, "source");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    requireNonNull(missingSince, "missingSince");
  }

  /** An asset as a scan observed it at {@code seen} (not missing). */
  public static AssetRecord observed(String id, String kind, String type, String name,
      String provider, Optional<String> location, Map<String, String> tags,
      Map<String, Object> properties, String source, Instant seen) {
    return new AssetRecord(id, kind, type, name, provider, location, tags, properties, source,
        seen, seen, Optional.empty());
  }

  /** Whether the asset's scope last ran without seeing it. */
  public boolean missing() {
    return missingSince.isPresent();
  }

  /** The owner from an {@code owner} tag, when there is one. */
  public Optional<String> owner() {
    return Optional.ofNullable(tags.get("owner"));
  }
}
