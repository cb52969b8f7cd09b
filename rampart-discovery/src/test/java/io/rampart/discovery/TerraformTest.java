package io.rampart.discovery;

import static io.rampart.discovery.TestFiles.only;
import static io.rampart.discovery.TestFiles.scan;
import static io.rampart.discovery.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformTest {
  @TempDir Path dir;

  @Test
  void resolvesModuleCallsVariablesDefaultsAndTfvars() {
    write(dir, "root/main.tf", """
        terraform {
          required_providers {
            azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
          }
        }
        variable "public" {
          type    = bool
          default = true
        }
        locals {
          prefix = "acme-${var.env}"
          tags   = { owner = "ml-team", env = var.env }
        }
        module "openai" {
          source          = "./modules/openai"
          name            = "${local.prefix}-oai"
          public_access   = var.public
          tags            = local.tags
          deployments     = { chat = { model = "gpt-4o", version = "2024-11-20" } }
        }
        module "remote" {
          source  = "Azure/avm-res-cognitiveservices-account/azurerm"
          version = "0.7.0"
        }
        resource "azurerm_private_endpoint" "pe" {
          count = var.enable_pe ? 1 : 0
          name  = "pe"
          private_service_connection {
            name                           = "oai"
            private_connection_resource_id = module.openai.id
            is_manual_connection           = false
          }
        }
        """);
    write(dir, "root/terraform.tfvars", "env = \"prod\"\nenable_pe = false\n");
    write(dir, "root/modules/openai/main.tf", """
        variable "name" {}
        variable "public_access" { default = false }
        variable "tags" { default = {} }
        variable "deployments" {
          type = map(object({ model = string, version = string }))
        }
        resource "azurerm_cognitive_account" "this" {
          name                          = var.name
          location                      = "westeurope"
          kind                          = "OpenAI"
          sku_name                      = "S0"
          public_network_access_enabled = var.public_access
          custom_subdomain_name         = lower(var.name)
          tags                          = var.tags
          dynamic "network_acls" {
            for_each = var.public_access ? [] : [1]
            content {
              default_action = "Deny"
            }
          }
        }
        resource "azurerm_cognitive_deployment" "d" {
          for_each             = var.deployments
          name                 = each.key
          cognitive_account_id = azurerm_cognitive_account.this.id
          model {
            format  = "OpenAI"
            name    = each.value.model
            version = each.value.version
          }
          sku { name = "Standard" }
        }
        output "id" { value = azurerm_cognitive_account.this.id }
        """);
    Inventory inv = scan(dir.resolve("root"));
    assertThat(inv.errors()).isEmpty();
    Asset account = only(inv, AssetKind.AI_ACCOUNT);
    assertThat(account.name()).isEqualTo("acme-prod-oai");
    assertThat(account.id()).endsWith(":module.openai.azurerm_cognitive_account.this");
    assertThat(account.tags()).containsEntry("owner", "ml-team");
    assertThat(account.owner()).contains("ml-team");
    assertThat(account.location()).contains("westeurope");
    assertThat(account.source().path()).endsWith("modules/openai/main.tf");
    assertThat(account.source().line()).isEqualTo(7);
    assertThat(account.properties())
        .containsEntry("publicNetworkAccess", true)
        .containsEntry("localAuthEnabled", true)
        .containsEntry("networkDefaultAction", "Allow") // dynamic block with for_each = []
        .containsEntry("customSubDomain", "acme-prod-oai")
        .containsEntry("managedIdentity", false)
        .containsEntry("privateEndpoint", false)
        .containsEntry("diagnostics", false)
        .containsEntry("exposure", "internet");
    Asset deployment = only(inv, AssetKind.MODEL_DEPLOYMENT);
    assertThat(deployment.properties()).containsEntry("raiPolicy", "")
        .containsEntry("instances", "for_each").doesNotContainKey("model");
    assertThat(inv.relationships())
        .contains(new Relationship(deployment.id(), RelationType.PART_OF, account.id()));
    assertThat(inv.assets()).noneMatch(a -> a.kind() == AssetKind.PRIVATE_ENDPOINT);
  }

  @Test
  void nestedModulesLocalsChainsAndAutoTfvarsPrecedence() {
    write(dir, "live/main.tf", """
        variable "region" { default = "eastus" }
        variable "kv_purge" { default = false }
        locals {
          base = "ml"
          name = "${local.base}-${var.region}"
        }
        module "platform" {
          source = "../modules/platform"
          name   = local.name
          purge  = var.kv_purge
        }
        """);
    write(dir, "live/terraform.tfvars", "region = \"westus\"\n");
    write(dir, "live/prod.auto.tfvars", "kv_purge = true\n");
    write(dir, "modules/platform/main.tf", """
        variable "name" {}
        variable "purge" {}
        module "vault" {
          source = "./vault"
          name   = "${var.name}-kv"
          purge  = var.purge
          count  = 1
        }
        """);
    write(dir, "modules/platform/vault/main.tf", """
        variable "name" {}
        variable "purge" { default = false }
        resource "azurerm_key_vault" "this" {
          name                     = var.name
          purge_protection_enabled = var.purge
          tags                     = { env = terraform.workspace }
        }
        """);
    Inventory inv = scan(dir);
    assertThat(inv.errors()).isEmpty();
    Asset kv = only(inv, AssetKind.KEY_VAULT);
    assertThat(kv.name()).isEqualTo("ml-westus-kv");
    assertThat(kv.id()).endsWith(":module.platform.module.vault.azurerm_key_vault.this")
        .startsWith("tf:");
    assertThat(kv.properties()).containsEntry("purgeProtection", true);
    assertThat(kv.tags()).isEmpty(); // terraform.workspace is unknown offline
  }

  @Test
  void privateEndpointAndDiagnosticsLinkToTheirTargets() {
    write(dir, "main.tf", """
        resource "azurerm_search_service" "s" {
          name                          = "search"
          public_network_access_enabled = false
          local_authentication_enabled  = false
          identity { type = "SystemAssigned" }
        }
        resource "azurerm_private_endpoint" "pe" {
          name = "pe"
          private_service_connection {
            private_connection_resource_id = azurerm_search_service.s.id
          }
        }
        resource "azurerm_monitor_diagnostic_setting" "d" {
          name               = "diag"
          target_resource_id = azurerm_search_service.s.id
          enabled_log { category_group = "allLogs" }
        }
        """);
    Asset search = only(scan(dir), AssetKind.SEARCH_SERVICE);
    assertThat(search.properties()).containsEntry("privateEndpoint", true)
        .containsEntry("diagnostics", true).containsEntry("managedIdentity", true)
        .containsEntry("localAuthEnabled", false).containsEntry("exposure", "private");
  }

  @Test
  void unknownExpressionsStayUnknownAndCountZeroIsSkipped() {
    write(dir, "main.tf", """
        resource "azurerm_cognitive_account" "a" {
          name                          = "a"
          local_auth_enabled            = data.external.flag.result
          public_network_access_enabled = var.undefined
        }
        resource "azurerm_cognitive_account" "off" {
          count = 0
          name  = "off"
        }
        """);
    Asset a = only(scan(dir), AssetKind.AI_ACCOUNT);
    assertThat(a.properties()).doesNotContainKeys("localAuthEnabled", "publicNetworkAccess");
  }

  @Test
  void readsAwsAndGoogleResources() {
    write(dir, "main.tf", """
        resource "aws_sagemaker_notebook_instance" "nb" {
          name          = "nb"
          instance_type = "ml.t3.medium"
          role_arn      = aws_iam_role.r.arn
        }
        resource "google_workbench_instance" "wb" {
          name = "wb"
          gce_setup {
            disable_public_ip = true
          }
        }
        """);
    Inventory inv = scan(dir);
    assertThat(inv.assets()).extracting(Asset::provider).containsExactly("aws", "gcp");
    assertThat(inv.assets().getFirst().properties()).containsEntry("publicNetworkAccess", true)
        .containsEntry("rootAccess", "Enabled");
    assertThat(inv.assets().get(1).properties()).containsEntry("publicNetworkAccess", false);
  }

  @Test
  void readsPlanJson() {
    write(dir, "plan.json", """
        {"format_version":"1.2","planned_values":{"root_module":{"resources":[
          {"address":"azurerm_cognitive_account.a","mode":"managed","type":"azurerm_cognitive_account",
           "name":"a","values":{"name":"plan-oai","location":"eastus","kind":"OpenAI",
           "public_network_access_enabled":true,"local_auth_enabled":false,
           "network_acls":[],"identity":[{"type":"SystemAssigned"}],"customer_managed_key":[]}}
        ]}}}
        """);
    Asset a = only(scan(dir), AssetKind.AI_ACCOUNT);
    assertThat(a.name()).isEqualTo("plan-oai");
    assertThat(a.properties()).containsEntry("localAuthEnabled", false)
        .containsEntry("managedIdentity", true).containsEntry("customerManagedKey", false)
        .containsEntry("networkDefaultAction", "Allow");
  }

  @Test
  void malformedFileIsReportedWithLineAndOthersStillRead() {
    write(dir, "a/bad.tf", "resource \"azurerm_key_vault\" \"k\" {\n  name = \n}\n");
    write(dir, "b/good.tf", "resource \"azurerm_key_vault\" \"k\" {\n  name = \"kv\"\n}\n");
    Inventory inv = scan(dir);
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.where().path()).endsWith("a/bad.tf");
      assertThat(e.where().line()).isEqualTo(2);
      assertThat(e.message()).startsWith("malformed HCL").contains("expected");
    });
    assertThat(only(inv, AssetKind.KEY_VAULT).name()).isEqualTo("kv");
  }

  @Test
  void moduleCycleIsAnErrorNotAHang() {
    write(dir, "m/main.tf", "module \"self\" {\n  source = \"../m\"\n}\n");
    write(dir, "root/main.tf", "module \"m\" {\n  source = \"../m\"\n}\n");
    assertThat(scan(dir.resolve("root")).errors()).anyMatch(e -> e.message().contains("cycles"));
  }
}
