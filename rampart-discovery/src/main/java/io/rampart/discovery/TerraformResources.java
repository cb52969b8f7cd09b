package io.rampart.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps Terraform resources (azurerm, aws, google) to normalized assets. Works on a {@link View}
 * so that parsed HCL and {@code terraform show -json} plans share one mapping. A missing
 * attribute takes the provider's default; a present attribute that cannot be evaluated stays
 * unknown (absent from the properties).
 */
final class TerraformResources {
  private TerraformResources() {}

  /** A resource's attributes and nested blocks, addressed by dotted path. */
  interface View {
    /** The value, when present and known. */
    Optional<Object> value(String path);

    /** Whether the attribute or block is written at all, known or not. */
    boolean present(String path);

    /** Addresses of resources the attribute refers to. */
    Set<String> refs(String attr);
  }

  /** Kind, provider and edges ({@code attr -> relation}) of one resource type. */
  record Mapping(AssetKind kind, String provider, Map<String, RelationType> edges) {}

  static Optional<Mapping> mapping(String type) {
    Map<String, RelationType> none = Map.of();
    return Optional.ofNullable(switch (type) {
      case "azurerm_cognitive_account", "azurerm_ai_services" ->
          new Mapping(AssetKind.AI_ACCOUNT, "azure", none);
      case "azurerm_cognitive_deployment" -> new Mapping(AssetKind.MODEL_DEPLOYMENT, "azure",
          Map.of("cognitive_account_id", RelationType.PART_OF));
      case "azurerm_machine_learning_workspace" -> new Mapping(AssetKind.ML_WORKSPACE, "azure",
          Map.of("storage_account_id", RelationType.STORES_DATA_IN,
              "key_vault_id", RelationType.READS_SECRETS_FROM));
      case "azurerm_search_service" -> new Mapping(AssetKind.SEARCH_SERVICE, "azure", none);
      case "azurerm_key_vault" -> new Mapping(AssetKind.KEY_VAULT, "azure", none);
      case "azurerm_storage_account" -> new Mapping(AssetKind.STORAGE_ACCOUNT, "azure", none);
      case "azurerm_api_management" -> new Mapping(AssetKind.API_GATEWAY, "azure", none);
      case "azurerm_private_endpoint" -> new Mapping(AssetKind.PRIVATE_ENDPOINT, "azure",
          Map.of("private_service_connection", RelationType.PRIVATE_LINK_TO));
      case "azurerm_monitor_diagnostic_setting" -> new Mapping(AssetKind.DIAGNOSTIC_SETTING,
          "azure", Map.of("target_resource_id", RelationType.MONITORS));
      case "aws_bedrockagent_agent" -> new Mapping(AssetKind.AI_AGENT, "aws",
          Map.of("guardrail_configuration", RelationType.USES));
      case "aws_bedrock_guardrail" -> new Mapping(AssetKind.AI_GUARDRAIL, "aws", none);
      case "aws_bedrock_custom_model", "aws_bedrock_provisioned_model_throughput",
           "aws_sagemaker_model" -> new Mapping(AssetKind.MODEL_DEPLOYMENT, "aws", none);
      case "aws_bedrock_model_invocation_logging_configuration" ->
          new Mapping(AssetKind.DIAGNOSTIC_SETTING, "aws", none);
      case "aws_sagemaker_notebook_instance" ->
          new Mapping(AssetKind.NOTEBOOK_INSTANCE, "aws", none);
      case "aws_sagemaker_endpoint" -> new Mapping(AssetKind.MODEL_ENDPOINT, "aws",
          Map.of("endpoint_config_name", RelationType.USES));
      case "aws_sagemaker_domain" -> new Mapping(AssetKind.ML_WORKSPACE, "aws", none);
      case "google_vertex_ai_endpoint", "google_vertex_ai_index_endpoint" ->
          new Mapping(AssetKind.MODEL_ENDPOINT, "gcp", none);
      case "google_vertex_ai_dataset", "google_vertex_ai_featurestore" ->
          new Mapping(AssetKind.STORAGE_ACCOUNT, "gcp", none);
      case "google_workbench_instance", "google_notebooks_instance" ->
          new Mapping(AssetKind.NOTEBOOK_INSTANCE, "gcp", none);
      default -> null;
    });
  }

  /** Normalized properties of one resource. */
  static Map<String, Object> properties(String type, View v) {
    Map<String, Object> p = Collector.props();
    switch (type) {
      case "azurerm_cognitive_account", "azurerm_ai_services" -> {
        v.value("kind").ifPresent(x -> p.put("accountKind", x));
        network(v, p, "network_acls.default_action");
        bool(v, p, "localAuthEnabled", "local_auth_enabled", true);
        p.put("customerManagedKey", v.present("customer_managed_key"));
        v.value("custom_subdomain_name").ifPresent(x -> p.put("customSubDomain", x));
        bool(v, p, "restrictOutbound", "outbound_network_access_restricted", false);
      }
      case "azurerm_cognitive_deployment" -> {
        v.value("model.name").ifPresent(x -> p.put("model", x));
        v.value("model.version").ifPresent(x -> p.put("modelVersion", x));
        v.value("model.format").ifPresent(x -> p.put("modelFormat", x));
        if (!v.present("rai_policy_name")) {
          p.put("raiPolicy", "");
        } else {
          v.value("rai_policy_name").ifPresent(x -> p.put("raiPolicy", x));
        }
        v.value("version_upgrade_option").ifPresent(x -> p.put("versionUpgrade", x));
      }
      case "azurerm_machine_learning_workspace" -> {
        network(v, p, "");
        p.put("customerManagedKey", v.present("encryption"));
        bool(v, p, "highBusinessImpact", "high_business_impact", false);
        v.value("managed_network.isolation_mode").ifPresent(x -> p.put("isolationMode", x));
      }
      case "azurerm_search_service" -> {
        network(v, p, "");
        bool(v, p, "localAuthEnabled", "local_authentication_enabled", true);
        bool(v, p, "customerManagedKey", "customer_managed_key_enforcement_enabled", false);
        p.put("networkDefaultAction", v.present("allowed_ips") ? "Deny" : "Allow");
      }
      case "azurerm_key_vault" -> {
        network(v, p, "network_acls.default_action");
        bool(v, p, "purgeProtection", "purge_protection_enabled", false);
        bool(v, p, "rbacAuthorization", v.present("rbac_authorization_enabled")
            ? "rbac_authorization_enabled" : "enable_rbac_authorization", false);
      }
      case "azurerm_storage_account" -> {
        network(v, p, "network_rules.default_action");
        bool(v, p, "allowBlobPublicAccess", "allow_nested_items_to_be_public", true);
        bool(v, p, "sharedKeyAccess", "shared_access_key_enabled", true);
        bool(v, p, "httpsOnly", "https_traffic_only_enabled", true);
        str(v, p, "minTlsVersion", "min_tls_version", "TLS1_2");
        p.put("customerManagedKey", v.present("customer_managed_key"));
      }
      case "azurerm_api_management" -> {
        network(v, p, "");
        str(v, p, "virtualNetworkType", "virtual_network_type", "None");
      }
      case "aws_bedrockagent_agent" -> {
        p.put("guardrail", v.present("guardrail_configuration"));
        p.put("customerManagedKey", v.present("customer_encryption_key_arn"));
      }
      case "aws_bedrock_custom_model" ->
          p.put("customerManagedKey", v.present("custom_model_kms_key_id"));
      case "aws_sagemaker_model" -> {
        bool(v, p, "networkIsolation", "enable_network_isolation", false);
        p.put("vpc", v.present("vpc_config"));
      }
      case "aws_sagemaker_notebook_instance" -> {
        str(v, p, "directInternetAccess", "direct_internet_access", "Enabled");
        v.value("direct_internet_access").or(() -> Optional.of("Enabled"))
            .ifPresent(x -> p.put("publicNetworkAccess", "Enabled".equalsIgnoreCase(
                String.valueOf(x))));
        str(v, p, "rootAccess", "root_access", "Enabled");
        p.put("customerManagedKey", v.present("kms_key_id"));
      }
      case "aws_sagemaker_domain" -> {
        str(v, p, "appNetworkAccessType", "app_network_access_type", "PublicInternetOnly");
        p.put("publicNetworkAccess", !"VpcOnly".equals(p.get("appNetworkAccessType")));
        p.put("customerManagedKey", v.present("kms_key_id"));
      }
      case "google_vertex_ai_endpoint", "google_vertex_ai_dataset",
           "google_vertex_ai_featurestore" -> {
        p.put("customerManagedKey", v.present("encryption_spec"));
        if (type.equals("google_vertex_ai_endpoint")) {
          p.put("publicNetworkAccess", !v.present("network")
              && !v.present("private_service_connect_config"));
        }
      }
      case "google_vertex_ai_index_endpoint" ->
          bool(v, p, "publicNetworkAccess", "public_endpoint_enabled", false);
      case "google_workbench_instance" ->
          v.value("gce_setup.disable_public_ip").or(() -> Optional.of(false))
              .flatMap(Values::asBool).ifPresent(x -> p.put("publicNetworkAccess", !x));
      case "google_notebooks_instance" ->
          v.value("no_public_ip").or(() -> Optional.of(false))
              .flatMap(Values::asBool).ifPresent(x -> p.put("publicNetworkAccess", !x));
      default -> { }
    }
    if (v.present("identity") || type.startsWith("azurerm_")) {
      p.put("managedIdentity", v.present("identity"));
    }
    return p;
  }

  private static void network(View v, Map<String, Object> p, String aclPath) {
    bool(v, p, "publicNetworkAccess", "public_network_access_enabled", true);
    if (aclPath.isEmpty()) {
      return;
    }
    if (!v.present(aclPath)) {
      p.put("networkDefaultAction", "Allow");
    } else {
      v.value(aclPath).ifPresent(x -> p.put("networkDefaultAction", x));
    }
  }

  private static void bool(View v, Map<String, Object> p, String key, String attr, boolean def) {
    if (!v.present(attr)) {
      p.put(key, def);
    } else {
      v.value(attr).flatMap(Values::asBool).ifPresent(b -> p.put(key, b));
    }
  }

  private static void str(View v, Map<String, Object> p, String key, String attr, String def) {
    if (!v.present(attr)) {
      p.put(key, def);
    } else {
      v.value(attr).ifPresent(x -> p.put(key, String.valueOf(x)));
    }
  }

  /** Location-ish attribute of a resource. */
  static Optional<String> location(View v) {
    for (String a : List.of("location", "region")) {
      Optional<Object> x = v.value(a);
      if (x.isPresent()) {
        return x.map(String::valueOf);
      }
    }
    return Optional.empty();
  }
}
