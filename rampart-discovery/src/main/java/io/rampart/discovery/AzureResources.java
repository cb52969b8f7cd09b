package io.rampart.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one Azure resource in ARM shape (as Resource Graph, {@code az resource list} and ARM
 * templates write it) to a normalized asset. Shared by the offline readers and the live scan.
 */
final class AzureResources {
  private AzureResources() {}

  /** Normalized asset kind of an ARM type, or empty for types that are not AI-relevant. */
  static Optional<AssetKind> kindOf(String armType) {
    return Optional.ofNullable(switch (armType.toLowerCase(Locale.ROOT)) {
      case "microsoft.cognitiveservices/accounts" -> AssetKind.AI_ACCOUNT;
      case "microsoft.cognitiveservices/accounts/deployments" -> AssetKind.MODEL_DEPLOYMENT;
      case "microsoft.machinelearningservices/workspaces" -> AssetKind.ML_WORKSPACE;
      case "microsoft.machinelearningservices/workspaces/onlineendpoints" ->
          AssetKind.MODEL_ENDPOINT;
      case "microsoft.search/searchservices" -> AssetKind.SEARCH_SERVICE;
      case "microsoft.keyvault/vaults" -> AssetKind.KEY_VAULT;
      case "microsoft.storage/storageaccounts" -> AssetKind.STORAGE_ACCOUNT;
      case "microsoft.apimanagement/service" -> AssetKind.API_GATEWAY;
      case "microsoft.network/privateendpoints" -> AssetKind.PRIVATE_ENDPOINT;
      case "microsoft.insights/diagnosticsettings" -> AssetKind.DIAGNOSTIC_SETTING;
      default -> armType.toLowerCase(Locale.ROOT).endsWith("/diagnosticsettings")
          ? AssetKind.DIAGNOSTIC_SETTING : null;
    });
  }

  /**
   * Adds the resource to {@code c}. {@code id} is the resource ID (lower-cased, the stable key);
   * {@code parentId} names the enclosing resource for nested ARM resources.
   */
  static void add(Collector c, Map<String, Object> r, String id, Optional<String> parentId,
      SourceRef where) {
    String type = Values.string(r, "type").orElse("");
    Optional<AssetKind> kind = kindOf(type);
    if (kind.isEmpty()) {
      return;
    }
    Map<String, Object> p = Values.map(r.get("properties"));
    Map<String, Object> out = new LinkedHashMap<>();
    String name = Values.string(r, "name").orElse(id);
    switch (kind.get()) {
      case AI_ACCOUNT -> {
        Values.string(r, "kind").ifPresent(v -> out.put("accountKind", v));
        network(p, out);
        out.put("localAuthEnabled", !Values.bool(p, "disableLocalAuth").orElse(false));
        out.put("customerManagedKey", Values.string(p, "encryption.keySource")
            .map(s -> s.equalsIgnoreCase("Microsoft.KeyVault")).orElse(false));
        Values.string(p, "customSubDomainName").ifPresent(v -> out.put("customSubDomain", v));
        Values.bool(p, "restrictOutboundNetworkAccess")
            .ifPresent(v -> out.put("restrictOutbound", v));
      }
      case MODEL_DEPLOYMENT -> {
        Values.string(p, "model.name").ifPresent(v -> out.put("model", v));
        Values.string(p, "model.version").ifPresent(v -> out.put("modelVersion", v));
        Values.string(p, "model.format").ifPresent(v -> out.put("modelFormat", v));
        out.put("raiPolicy", Values.string(p, "raiPolicyName").orElse(""));
        Values.string(p, "versionUpgradeOption").ifPresent(v -> out.put("versionUpgrade", v));
      }
      case ML_WORKSPACE -> {
        network(p, out);
        out.put("customerManagedKey", Values.string(p, "encryption.status")
            .map(s -> s.equalsIgnoreCase("Enabled")).orElse(false));
        out.put("highBusinessImpact", Values.bool(p, "hbiWorkspace").orElse(false));
        Values.string(p, "managedNetwork.isolationMode")
            .ifPresent(v -> out.put("isolationMode", v));
        Values.string(p, "storageAccount")
            .ifPresent(s -> c.link(id, RelationType.STORES_DATA_IN, s.toLowerCase(Locale.ROOT)));
        Values.string(p, "keyVault").ifPresent(
            s -> c.link(id, RelationType.READS_SECRETS_FROM, s.toLowerCase(Locale.ROOT)));
      }
      case SEARCH_SERVICE -> {
        network(p, out);
        out.put("localAuthEnabled", !Values.bool(p, "disableLocalAuth").orElse(false));
        out.put("customerManagedKey", Values.string(p, "encryptionWithCmk.enforcement")
            .map(s -> s.equalsIgnoreCase("Enabled")).orElse(false));
        // search has no default action: IP rules present means everything else is denied
        out.put("networkDefaultAction",
            Values.list(Values.at(p, "networkRuleSet.ipRules").orElse(List.of())).isEmpty()
                ? "Allow" : "Deny");
      }
      case KEY_VAULT -> {
        network(p, out);
        out.put("purgeProtection", Values.bool(p, "enablePurgeProtection").orElse(false));
        out.put("rbacAuthorization", Values.bool(p, "enableRbacAuthorization").orElse(false));
      }
      case STORAGE_ACCOUNT -> {
        network(p, out);
        out.put("allowBlobPublicAccess", Values.bool(p, "allowBlobPublicAccess").orElse(false));
        out.put("sharedKeyAccess", Values.bool(p, "allowSharedKeyAccess").orElse(true));
        out.put("httpsOnly", Values.bool(p, "supportsHttpsTrafficOnly").orElse(true));
        out.put("minTlsVersion", Values.string(p, "minimumTlsVersion").orElse("TLS1_0"));
        out.put("customerManagedKey", Values.string(p, "encryption.keySource")
            .map(s -> s.equalsIgnoreCase("Microsoft.Keyvault")).orElse(false));
      }
      case API_GATEWAY -> {
        network(p, out);
        out.put("virtualNetworkType", Values.string(p, "virtualNetworkType").orElse("None"));
      }
      case PRIVATE_ENDPOINT -> {
        for (String key : List.of("privateLinkServiceConnections",
            "manualPrivateLinkServiceConnections")) {
          for (Object conn : Values.list(p.get(key))) {
            Values.string(conn, "properties.privateLinkServiceId").ifPresent(t -> c.link(
                id, RelationType.PRIVATE_LINK_TO, t.toLowerCase(Locale.ROOT)));
          }
        }
      }
      case DIAGNOSTIC_SETTING -> {
        Optional<String> target = Values.string(r, "scope").or(() -> parentId);
        target.ifPresent(t -> c.link(id, RelationType.MONITORS, t.toLowerCase(Locale.ROOT)));
        out.put("logsEnabled", Values.list(p.get("logs")).stream()
            .anyMatch(l -> Values.bool(l, "enabled").orElse(false)));
      }
      default -> { }
    }
    Values.string(r, "sku.name").ifPresent(v -> out.put("sku", v));
    Object identity = r.get("identity");
    if (kind.get() != AssetKind.PRIVATE_ENDPOINT && kind.get() != AssetKind.DIAGNOSTIC_SETTING) {
      out.put("managedIdentity", Values.string(identity, "type")
          .map(t -> !t.equalsIgnoreCase("None")).orElse(false));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    Values.map(r.get("tags")).forEach((k, v) -> tags.put(k, String.valueOf(v)));
    parentId.ifPresent(pid -> {
      if (kind.get() == AssetKind.MODEL_DEPLOYMENT || kind.get() == AssetKind.MODEL_ENDPOINT) {
        c.link(id, RelationType.PART_OF, pid);
      }
    });
    c.add(id, kind.get(), type, name, "azure", Values.string(r, "location"), tags, out, where);
  }

  /** publicNetworkAccess (absent means enabled), private endpoint connections, ACL default. */
  private static void network(Map<String, Object> p, Map<String, Object> out) {
    out.put("publicNetworkAccess", Values.bool(p, "publicNetworkAccess").orElse(true));
    out.put("networkDefaultAction", Values.string(p, "networkAcls.defaultAction")
        .or(() -> Values.string(p, "networkRuleSet.defaultAction")).orElse("Allow"));
    out.put("privateEndpointConnections",
        (long) Values.list(p.get("privateEndpointConnections")).size());
  }

  /** The parent of a child resource ID: {@code .../accounts/a/deployments/d -> .../accounts/a}. */
  static Optional<String> parentOf(String id) {
    String[] parts = id.split("/");
    int providers = List.of(parts).lastIndexOf("providers");
    // a child has at least provider namespace, type, name, child type, child name after it
    if (providers < 0 || parts.length - providers < 6) {
      return Optional.empty();
    }
    return Optional.of(String.join("/", List.of(parts).subList(0, parts.length - 2)));
  }
}
