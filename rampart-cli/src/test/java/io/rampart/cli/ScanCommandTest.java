package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  @TempDir Path dir;

  @Test
  void findsAPublicAzureOpenAiAccountInTerraform() throws Exception {
    Files.writeString(dir.resolve("main.tf"), """
        resource "azurerm_cognitive_account" "openai" {
          name                          = "acme-openai"
          location                      = "westeurope"
          resource_group_name           = "rg-ai"
          kind                          = "OpenAI"
          sku_name                      = "S0"
          public_network_access_enabled = true
          local_auth_enabled            = true
        }
        """);
    Cli.Result r = Cli.run("scan", "--format", "json", "--fail-on", "high", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.path("assets").size()).isPositive();
    assertThat(report.path("findings").findValuesAsText("rule"))
        .contains("azure.ai.public-network-access", "azure.ai.local-auth-enabled");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli.Result r = Cli.run("scan", "--fail-on", "extreme", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("fail-on: extreme");
  }
}
