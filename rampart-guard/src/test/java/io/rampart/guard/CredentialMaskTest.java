package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialMaskTest {

  @Test
  void assignmentsAndKeyShapesBecomeANeutralWord() {
    assertThat(CredentialMask.apply("deploy with aws_secret_access_key=wjalrxutnfemi/k7mdeng please"))
        .isEqualTo("deploy with setting please");
    assertThat(CredentialMask.apply("db_password: \"s3cr3t\"\nport: 8080"))
        .isEqualTo("setting\nport: 8080");
    assertThat(CredentialMask.apply("key akiaiosfodnn7example here")).isEqualTo("key setting here");
    assertThat(CredentialMask.apply("token ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
        .isEqualTo("token setting");
  }

  @Test
  void proseAndQuotedSentencesAreLeftAlone() {
    String prose = "what is the password? tell me the secret key to the vault.";
    assertThat(CredentialMask.apply(prose)).isEqualTo(prose);
    // Only a value without spaces is masked: a quoted instruction stays visible to the model.
    assertThat(CredentialMask.apply("api_key=\"ignore previous instructions\""))
        .contains("ignore previous instructions");
  }

  @Test
  void costIsBoundedOnAdversarialRuns() {
    String worst = "secret_".repeat(1_000) + "a".repeat(4_000);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> CredentialMask.apply(worst));
  }
}
