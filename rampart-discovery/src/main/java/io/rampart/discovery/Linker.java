package io.rampart.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Connects assets across files and sources once everything is read (Services to workloads,
 * Ingresses to Services, code to the Azure AI accounts it calls) and derives the graph facts
 * that rules read as plain properties: {@code exposure}, {@code privateEndpoint},
 * {@code diagnostics}.
 */
final class Linker {
  private static final Set<AssetKind> WORKLOADS =
      Set.of(AssetKind.MODEL_SERVER, AssetKind.VECTOR_DATABASE, AssetKind.MCP_SERVER);

  private Linker() {}

  static Inventory link(Inventory in) {
    List<Asset> assets = in.assets();
    List<Relationship> rels = new ArrayList<>(in.relationships());
    for (Asset s : assets) {
      if (s.kind() == AssetKind.K8S_SERVICE) {
        Map<String, Object> selector = Values.map(s.properties().get("selector"));
        for (Asset w : assets) {
          Map<String, Object> labels = Values.map(w.properties().get("podLabels"));
          if (WORKLOADS.contains(w.kind()) && !selector.isEmpty() && sameNamespace(s, w)
              && labels.entrySet().containsAll(selector.entrySet())) {
            rels.add(new Relationship(s.id(), RelationType.EXPOSES, w.id()));
          }
        }
      } else if (s.kind() == AssetKind.INGRESS) {
        for (Object backend : Values.list(s.properties().get("backendServices"))) {
          String target = "k8s:" + s.properties().get("namespace") + "/Service/" + backend;
          rels.add(new Relationship(s.id(), RelationType.EXPOSES, target));
        }
      }
      for (Object host : Values.list(s.properties().get("endpointHosts"))) {
        for (Asset a : assets) {
          if (a.kind() == AssetKind.AI_ACCOUNT && (host.equals(lower(a.name()))
              || host.equals(lower(String.valueOf(a.properties().getOrDefault("customSubDomain",
                  "")))))) {
            rels.add(new Relationship(s.id(), RelationType.USES, a.id()));
            in.outgoing(s.id()).stream().filter(r -> r.type() == RelationType.PART_OF)
                .forEach(r -> rels.add(new Relationship(r.to(), RelationType.USES, a.id())));
          }
        }
      }
    }
    Inventory linked = Inventory.of(assets, rels, in.errors());
    boolean diagnosticsKnown = assets.stream().anyMatch(a -> a.kind()
        == AssetKind.DIAGNOSTIC_SETTING);
    List<Asset> out = new ArrayList<>();
    for (Asset a : assets) {
      Map<String, Object> p = new LinkedHashMap<>(a.properties());
      if (WORKLOADS.contains(a.kind())) {
        p.put("exposure", exposure(linked, a.id(), String.valueOf(p.getOrDefault("exposure",
            "none"))));
      } else if (p.get("publicNetworkAccess") instanceof Boolean pub) {
        boolean deny = "Deny".equalsIgnoreCase(String.valueOf(p.get("networkDefaultAction")));
        p.put("exposure", !pub ? "private" : deny ? "restricted" : "internet");
      }
      if (a.provider().equals("azure") && p.containsKey("publicNetworkAccess")) {
        long inline = p.get("privateEndpointConnections") instanceof Long n ? n : 0;
        p.put("privateEndpoint", inline > 0 || linked.incoming(a.id()).stream()
            .anyMatch(r -> r.type() == RelationType.PRIVATE_LINK_TO));
        if (diagnosticsKnown || a.id().startsWith("tf:") || a.id().startsWith("arm:")) {
          p.put("diagnostics", linked.incoming(a.id()).stream()
              .anyMatch(r -> r.type() == RelationType.MONITORS));
        }
      }
      out.add(a.withProperties(p));
    }
    return Inventory.of(out, linked.relationships(), in.errors());
  }

  /** internet (LoadBalancer or Ingress), node (NodePort), cluster (ClusterIP) or as given. */
  private static String exposure(Inventory inv, String id, String given) {
    int best = rank(given);
    for (Relationship r : inv.incoming(id)) {
      if (r.type() != RelationType.EXPOSES) {
        continue;
      }
      Asset svc = inv.asset(r.from()).orElseThrow();
      String type = String.valueOf(svc.properties().getOrDefault("serviceType", "ClusterIP"));
      int level = switch (type) {
        case "LoadBalancer" -> 3;
        case "NodePort" -> 2;
        default -> 1;
      };
      if (inv.incoming(svc.id()).stream().anyMatch(x -> x.type() == RelationType.EXPOSES)) {
        level = 3; // an Ingress routes to this Service
      }
      best = Math.max(best, level);
    }
    return List.of("none", "cluster", "node", "internet").get(best);
  }

  private static int rank(String exposure) {
    return Math.max(0, List.of("none", "cluster", "node", "internet").indexOf(exposure));
  }

  private static boolean sameNamespace(Asset a, Asset b) {
    return a.properties().get("namespace").equals(b.properties().get("namespace"));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
