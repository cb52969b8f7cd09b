package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Azure identity the environment selects; managed identity and the CLI are opt-in. */
class AzureCredentialsTest {
  static final Clock CLOCK = Clock.systemUTC();

  @Test
  void aFixedTokenWinsOverEverythingElse() {
    assertThat(AzureCredentials.fromEnv(Map.of("AZURE_ACCESS_TOKEN", " tok ",
        "RAMPART_AZURE_CREDENTIAL", "azure-cli"), CLOCK).orElseThrow().token().reveal())
        .isEqualTo("tok");
  }

  @Test
  void managedIdentityAndCliAreChosenExplicitly() {
    assertThat(AzureCredentials.fromEnv(Map.of("RAMPART_AZURE_CREDENTIAL", "managed-identity"),
        CLOCK).orElseThrow().getClass().getSimpleName()).isEqualTo("ManagedIdentityTokens");
    assertThat(AzureCredentials.fromEnv(Map.of("RAMPART_AZURE_CREDENTIAL", "azure-cli"),
        CLOCK).orElseThrow().getClass().getSimpleName()).isEqualTo("AzureCliTokens");
    assertThat(AzureCredentials.fromEnv(Map.of(), CLOCK)).isEmpty();
  }

  @Test
  void aFederatedTokenFileSelectsWorkloadIdentityBeforeAClientSecret() {
    Map<String, String> aks = Map.of("AZURE_TENANT_ID", "t", "AZURE_CLIENT_ID", "c",
        "AZURE_FEDERATED_TOKEN_FILE", "/nonexistent/azure-identity-token",
        "AZURE_CLIENT_SECRET", "s");
    // the federated flow reads its file before any request, so the choice shows without a network
    assertThatThrownBy(() -> AzureCredentials.fromEnv(aks, CLOCK).orElseThrow().token())
        .hasMessageStartingWith("AZURE_FEDERATED_TOKEN_FILE: /nonexistent/azure-identity-token");
    assertThat(AzureCredentials.fromEnv(Map.of("AZURE_TENANT_ID", "t",
        "AZURE_FEDERATED_TOKEN_FILE", "/f"), CLOCK)).isEmpty();
  }

  @Test
  void anUnknownCredentialKindIsAUsageErrorInScan() {
    assertThatThrownBy(() -> AzureCredentials.fromEnv(Map.of("RAMPART_AZURE_CREDENTIAL",
        "device-code"), CLOCK)).isInstanceOf(PostureException.class)
        .hasMessage("RAMPART_AZURE_CREDENTIAL: device-code (expected: managed-identity or"
            + " azure-cli)");
  }
}
