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
  void anUnknownCredentialKindIsAUsageErrorInScan() {
    assertThatThrownBy(() -> AzureCredentials.fromEnv(Map.of("RAMPART_AZURE_CREDENTIAL",
        "device-code"), CLOCK)).isInstanceOf(PostureException.class)
        .hasMessage("RAMPART_AZURE_CREDENTIAL: device-code (expected: managed-identity or"
            + " azure-cli)");
  }
}
