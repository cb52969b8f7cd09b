package io.rampart.posture;

import io.rampart.discovery.Asset;
import io.rampart.discovery.Inventory;
import io.rampart.discovery.RelationType;
import io.rampart.discovery.Relationship;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;

/**
 * The inventory as a CycloneDX 1.6 AI-BOM: models as {@code machine-learning-model}, AI
 * platforms and servers as {@code platform}, data stores as {@code data}, SDKs as {@code
 * library} with a purl, applications as {@code application}; edges become dependencies.
 */
public final class AiBom {
  private AiBom() {}

  /** CycloneDX 1.6 JSON of {@code inventory}; the serial number is derived from asset IDs. */
  public static String json(Inventory inventory, Clock clock) {
    Bom bom = new Bom();
    String ids = String.join("\n", inventory.assets().stream().map(Asset::id).toList());
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(ids.getBytes(StandardCharsets.UTF_8)));
    Metadata meta = new Metadata();
    meta.setTimestamp(Date.from(clock.instant()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("rampart");
    tool.setVersion("0.1.0");
    meta.setComponent(tool);
    bom.setMetadata(meta);
    Map<String, Dependency> deps = new LinkedHashMap<>();
    List<Component> components = new ArrayList<>();
    for (Asset a : inventory.assets()) {
      Optional<Component.Type> type = type(a);
      if (type.isEmpty()) {
        continue;
      }
      Component c = new Component();
      c.setType(type.get());
      c.setBomRef(a.id());
      c.setName(name(a));
      version(a).ifPresent(c::setVersion);
      if (a.kind() == io.rampart.discovery.AssetKind.AI_SDK) {
        String eco = String.valueOf(a.properties().getOrDefault("ecosystem", ""));
        String v = String.valueOf(a.properties().getOrDefault("version", ""))
            .replaceAll("^[=^~<>!]+", "");
        c.setPurl("pkg:" + (eco.equals("go") ? "golang" : eco) + "/" + a.name()
            + (v.isEmpty() ? "" : "@" + v));
      }
      c.addProperty(new Property("rampart:kind", a.kind().id()));
      c.addProperty(new Property("rampart:provider", a.provider()));
      c.addProperty(new Property("rampart:source", a.source().toString()));
      a.location().ifPresent(l -> c.addProperty(new Property("rampart:location", l)));
      components.add(c);
      deps.put(a.id(), new Dependency(a.id()));
    }
    for (Relationship r : inventory.relationships()) {
      if ((r.type() == RelationType.USES || r.type() == RelationType.STORES_DATA_IN)
          && deps.containsKey(r.from()) && deps.containsKey(r.to())) {
        deps.get(r.from()).addDependency(new Dependency(r.to()));
      } else if (r.type() == RelationType.PART_OF && deps.containsKey(r.from())
          && deps.containsKey(r.to())) {
        deps.get(r.to()).addDependency(new Dependency(r.from()));
      }
    }
    bom.setComponents(components);
    bom.setDependencies(new ArrayList<>(deps.values()));
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
    } catch (GeneratorException e) {
      throw new PostureException("cyclonedx: cannot generate (expected: a valid BOM)", e);
    }
  }

  private static Optional<Component.Type> type(Asset a) {
    return Optional.ofNullable(switch (a.kind()) {
      case MODEL_DEPLOYMENT, MODEL_FILE -> Component.Type.MACHINE_LEARNING_MODEL;
      case AI_ACCOUNT, ML_WORKSPACE, MODEL_ENDPOINT, MODEL_SERVER, API_GATEWAY, AI_AGENT,
           NOTEBOOK_INSTANCE, MCP_SERVER -> Component.Type.PLATFORM;
      case SEARCH_SERVICE, VECTOR_DATABASE, STORAGE_ACCOUNT -> Component.Type.DATA;
      case AI_SDK -> Component.Type.LIBRARY;
      case APPLICATION -> Component.Type.APPLICATION;
      default -> null;
    });
  }

  private static String name(Asset a) {
    return a.kind() == io.rampart.discovery.AssetKind.MODEL_DEPLOYMENT
        ? String.valueOf(a.properties().getOrDefault("model", a.name())) : a.name();
  }

  private static Optional<String> version(Asset a) {
    return Optional.ofNullable(a.properties().get(
        a.kind() == io.rampart.discovery.AssetKind.AI_SDK ? "version" : "modelVersion"))
        .map(String::valueOf).filter(s -> !s.isEmpty());
  }
}
