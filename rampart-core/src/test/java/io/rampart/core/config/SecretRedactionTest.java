package io.rampart.core.config;

import static io.rampart.core.config.Configs.BASE;
import static io.rampart.core.config.Configs.failure;
import static io.rampart.core.config.Configs.parse;
import static io.rampart.core.config.Configs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values must never reach an error message, a toString, or describe(). */
class SecretRedactionTest {
  private static final String PASSWORD = "hunter2-Sup3rS3cret";
  private static final Map<String, String> ENV = Map.of("DB_PASSWORD", PASSWORD);

  @Test
  void describeRedactsThePassword() {
    RampartConfig config = parse("storage:\n  password: ${DB_PASSWORD}\n", ENV);
    assertThat(config.storage().password().reveal()).isEqualTo(PASSWORD);

    String described = config.describe();
    assertThat(described).doesNotContain(PASSWORD).contains("password: <redacted>");
    assertThat(config.toString()).doesNotContain(PASSWORD).contains("<redacted>");
  }

  @Test
  void unsetPasswordPrintsEmptyNotRedacted() {
    assertThat(RampartConfig.defaults().describe()).contains("password: ''");
  }

  @Test
  void failingSecretValueIsRedactedInTheProblem() {
    BindContext context = new BindContext("rampart.yaml", BASE);
    ConfigNode node = tree("api-key: " + PASSWORD + "\n", context);
    // a careless validator that echoes what it was given
    node.field(
        "api-key",
        ConfigNode::asSecret,
        (Secret s) -> {
          throw new IllegalArgumentException(
              "api-key: " + s.reveal() + " (expected: 64 hex digits)");
        });
    assertThatThrownBy(context::throwIfAny)
        .hasMessage("rampart.yaml:1: api-key: invalid value <redacted> (expected 64 hex digits)")
        .message()
        .doesNotContain(PASSWORD);
  }

  @Test
  void secretInAWrongPlaceIsNotEchoed() {
    ConfigException e =
        failure(
            "storage:\n"
                + "  url: ${DB_PASSWORD}\n"
                + "  pasword: "
                + PASSWORD
                + "\n"
                + "  password: "
                + PASSWORD
                + "\n"
                + "  password: ["
                + PASSWORD
                + "]\n"
                + "server:\n  port: ${DB_PASSWORD}\n",
            ENV);
    assertThat(e.problems()).hasSize(4);
    assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("hunter2");
  }

  @Test
  void malformedYamlAroundASecretIsNotEchoed() {
    ConfigException e = failure("storage:\n  password: \"" + PASSWORD + "\\q\"\n");
    assertThat(e.getMessage())
        .startsWith("rampart.yaml:2: malformed YAML")
        .doesNotContain("hunter2");
  }

  @Test
  void nodeToStringShowsNoValue() {
    ConfigNode node = tree("password: " + PASSWORD + "\n", new BindContext("r.yaml", BASE));
    assertThat(node.get("password").orElseThrow()).hasToString("ConfigNode[password at r.yaml:1]");
  }
}
