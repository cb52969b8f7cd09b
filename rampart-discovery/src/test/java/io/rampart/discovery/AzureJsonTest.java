package io.rampart.discovery;

import static io.rampart.discovery.TestFiles.only;
import static io.rampart.discovery.TestFiles.scan;
import static io.rampart.discovery.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureJsonTest {
  private static final String SUB = "/subscriptions/0000/resourceGroups/rg/providers/";
  @TempDir Path dir;

  @Test
  void readsResourceGraphOutput() {
    write(dir, "arg.json", """
        {"count": 2, "data": [
          {"id": "%1$sMicrosoft.CognitiveServices/accounts/oai1",
           "name": "oai1", "type": "microsoft.cognitiveservices/accounts", "kind": "OpenAI",
           "location": "eastus", "tags": {"owner": "team-a"},
           "identity": {"type": "None"},
           "properties": {"publicNetworkAccess": "Enabled", "disableLocalAuth": false,
             "networkAcls": {"defaultAction": "Allow"}, "customSubDomainName": "oai1"}},
          {"id": "%1$sMicrosoft.CognitiveServices/accounts/oai1/deployments/gpt",
           "name": "gpt", "type": "microsoft.cognitiveservices/accounts/deployments",
           "properties": {"model": {"name": "gpt-4o", "version": "2024-11-20"},
             "raiPolicyName": "Microsoft.DefaultV2"}}
        ]}
        """.formatted(SUB));
    Inventory inv = scan(dir);
    Asset account = only(inv, AssetKind.AI_ACCOUNT);
    assertThat(account.id()).isEqualTo((SUB + "Microsoft.CognitiveServices/accounts/oai1")
        .toLowerCase(java.util.Locale.ROOT));
    assertThat(account.source().line()).isEqualTo(2);
    assertThat(account.properties()).containsEntry("publicNetworkAccess", true)
        .containsEntry("localAuthEnabled", true).containsEntry("exposure", "internet")
        .containsEntry("managedIdentity", false).doesNotContainKey("diagnostics");
    Asset dep = only(inv, AssetKind.MODEL_DEPLOYMENT);
    assertThat(dep.properties()).containsEntry("model", "gpt-4o")
        .containsEntry("raiPolicy", "Microsoft.DefaultV2");
    assertThat(inv.relationships()).containsExactly(
        new Relationship(dep.id(), RelationType.PART_OF, account.id()));
  }

  @Test
  void readsAzResourceListArray() {
    write(dir, "list.json", """
        [{"id": "%sMicrosoft.Search/searchServices/s1", "name": "s1",
          "type": "Microsoft.Search/searchServices", "location": "westus",
          "properties": {"publicNetworkAccess": "disabled", "disableLocalAuth": true}}]
        """.formatted(SUB));
    Asset s = only(scan(dir), AssetKind.SEARCH_SERVICE);
    assertThat(s.properties()).containsEntry("publicNetworkAccess", false)
        .containsEntry("localAuthEnabled", false).containsEntry("exposure", "private");
  }

  @Test
  void readsArmTemplateWithParametersNestedResourcesAndPrivateEndpoints() {
    write(dir, "template.json", """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "accountName": {"type": "string", "defaultValue": "arm-oai"},
            "pna": {"type": "string", "defaultValue": "Disabled"}
          },
          "variables": {"depName": "chat"},
          "resources": [
            {
              "type": "Microsoft.CognitiveServices/accounts",
              "apiVersion": "2024-10-01",
              "name": "[parameters('accountName')]",
              "location": "[resourceGroup().location]",
              "kind": "OpenAI",
              "identity": {"type": "SystemAssigned"},
              "properties": {"publicNetworkAccess": "[parameters('pna')]",
                "disableLocalAuth": true},
              "resources": [
                {"type": "deployments", "apiVersion": "2024-10-01",
                 "name": "[variables('depName')]",
                 "properties": {"model": {"name": "gpt-4o"}}}
              ]
            },
            {
              "type": "Microsoft.Network/privateEndpoints",
              "apiVersion": "2023-09-01",
              "name": "pe-oai",
              "properties": {"privateLinkServiceConnections": [{"name": "c", "properties": {
                "privateLinkServiceId": "[resourceId('Microsoft.CognitiveServices/accounts', parameters('accountName'))]"}}]}
            },
            {
              "type": "Microsoft.CognitiveServices/accounts/providers/diagnosticSettings",
              "apiVersion": "2021-05-01-preview",
              "name": "[concat(parameters('accountName'), '/Microsoft.Insights/diag')]",
              "properties": {"logs": [{"categoryGroup": "allLogs", "enabled": true}]}
            }
          ]
        }
        """);
    Inventory inv = scan(dir);
    assertThat(inv.errors()).isEmpty();
    Asset account = only(inv, AssetKind.AI_ACCOUNT);
    assertThat(account.name()).isEqualTo("arm-oai");
    assertThat(account.location()).isEmpty();
    assertThat(account.properties()).containsEntry("publicNetworkAccess", false)
        .containsEntry("localAuthEnabled", false).containsEntry("managedIdentity", true)
        .containsEntry("privateEndpoint", true).containsEntry("diagnostics", true);
    Asset dep = only(inv, AssetKind.MODEL_DEPLOYMENT);
    assertThat(dep.name()).isEqualTo("chat");
    assertThat(dep.properties()).containsEntry("raiPolicy", "");
    assertThat(inv.incoming(account.id())).hasSize(3);
  }

  @Test
  void malformedJsonIsAPerFileError() {
    write(dir, "bad.json", "{\n  \"data\": [\n    {\"id\": \n");
    write(dir, "ok.json", "[{\"id\": \"%sMicrosoft.KeyVault/vaults/kv\", \"name\": \"kv\", \"type\": \"Microsoft.KeyVault/vaults\"}]"
        .formatted(SUB));
    Inventory inv = scan(dir);
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.where().path()).endsWith("bad.json");
      assertThat(e.where().line()).isPositive();
      assertThat(e.message()).startsWith("malformed JSON");
    });
    assertThat(only(inv, AssetKind.KEY_VAULT).properties()).containsEntry("purgeProtection", false);
  }
}
