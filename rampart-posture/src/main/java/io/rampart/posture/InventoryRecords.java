package io.rampart.posture;

import io.rampart.core.inventory.AssetLink;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.FindingRecord;
import io.rampart.core.inventory.RunInput;
import io.rampart.discovery.Asset;
import io.rampart.discovery.AssetKind;
import io.rampart.discovery.Inventory;
import io.rampart.discovery.RelationType;
import io.rampart.discovery.Relationship;
import io.rampart.discovery.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps between the engines' types ({@link Assessment}, discovery {@link Asset}) and the
 * storage records of core's {@code io.rampart.core.inventory}, which cannot depend on them.
 */
public final class InventoryRecords {
  private static final Pattern WITH_LINE = Pattern.compile("(.*):([1-9][0-9]{0,8})");

  private InventoryRecords() {}

  /** What a completed assessment hands to the store. */
  public static RunInput input(Assessment assessment) {
    Inventory inv = assessment.inventory();
    List<AssetRecord> assets = new ArrayList<>(inv.assets().size());
    for (Asset a : inv.assets()) {
      assets.add(record(a));
    }
    List<AssetLink> links = inv.relationships().stream()
        .map(r -> new AssetLink(r.from(), r.type().id(), r.to())).toList();
    List<FindingRecord> findings = assessment.findings().stream().map(InventoryRecords::record)
        .toList();
    return new RunInput(assets, links, findings, assessment.attackPaths().size(),
        inv.errors().size(), assessment.estateScore());
  }

  static AssetRecord record(Asset a) {
    return AssetRecord.observed(a.id(), a.kind().id(), a.type(), a.name(), a.provider(),
        a.location(), a.tags(), a.properties(), a.source().toString(), a.lastSeen());
  }

  static FindingRecord record(Finding f) {
    return new FindingRecord(f.rule(), f.severity(), f.asset(), f.title(),
        f.location().map(SourceRef::path), f.location().map(SourceRef::line).orElse(0),
        f.references(), f.score());
  }

  /**
   * The stored inventory as a discovery {@link Inventory} (for the AI-BOM and reports); assets
   * of kinds this version does not know are left out rather than failing the export.
   */
  public static Inventory inventory(List<AssetRecord> assets, List<AssetLink> links) {
    List<Asset> out = new ArrayList<>(assets.size());
    for (AssetRecord r : assets) {
      asset(r).ifPresent(out::add);
    }
    List<Relationship> rels = new ArrayList<>();
    for (AssetLink l : links) {
      relationType(l.type()).ifPresent(t -> rels.add(new Relationship(l.from(), t, l.to())));
    }
    return Inventory.of(out, rels, List.of());
  }

  static Optional<Asset> asset(AssetRecord r) {
    AssetKind kind;
    try {
      kind = AssetKind.parse(r.kind());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new Asset(r.id(), kind, r.type(), r.name(), r.provider(), r.location(),
        r.tags(), r.properties(), source(r.source()), r.firstSeen(), r.lastSeen()));
  }

  static SourceRef source(String text) {
    Matcher m = WITH_LINE.matcher(text);
    return m.matches() ? new SourceRef(m.group(1), Integer.parseInt(m.group(2)))
        : new SourceRef(text, 0);
  }

  private static Optional<RelationType> relationType(String id) {
    try {
      return Optional.of(RelationType.valueOf(id.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
