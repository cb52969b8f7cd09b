package io.rampart.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What readers add assets, edges and errors to during one scan. Not thread-safe. */
final class Collector {
  final List<Asset> assets = new ArrayList<>();
  final List<Relationship> relationships = new ArrayList<>();
  final List<ScanError> errors = new ArrayList<>();
  private final Instant now;

  Collector(Instant now) {
    this.now = now;
  }

  Asset add(String id, AssetKind kind, String type, String name, String provider,
      Optional<String> location, Map<String, String> tags, Map<String, Object> props,
      SourceRef source) {
    Asset a = new Asset(id, kind, type, name, provider, location, tags, props, source, now, now);
    assets.add(a);
    return a;
  }

  void link(String from, RelationType type, String to) {
    relationships.add(new Relationship(from, type, to));
  }

  void error(String path, int line, String message) {
    errors.add(new ScanError(new SourceRef(path, Math.max(0, line)), message));
  }

  static Map<String, Object> props() {
    return new LinkedHashMap<>();
  }
}
