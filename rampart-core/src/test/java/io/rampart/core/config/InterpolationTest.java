package io.rampart.core.config;

import static io.rampart.core.config.Configs.failure;
import static io.rampart.core.config.Configs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {

  private static String username(String yamlValue, Map<String, String> env) {
    return parse("storage:\n  username: " + yamlValue + "\n", env).storage().username();
  }

  @Test
  void variableIsExpandedAndTypedByTheField() {
    RampartConfig config = parse("server:\n  port: ${PORT}\n", Map.of("PORT", "9000"));
    assertThat(config.server().port()).isEqualTo(9000);
  }

  @Test
  void defaultAppliesWhenUnsetOrEmpty() {
    assertThat(parse("server:\n  port: ${PORT:-9001}\n").server().port()).isEqualTo(9001);
    assertThat(parse("server:\n  port: ${PORT:-9001}\n", Map.of("PORT", "")).server().port())
        .isEqualTo(9001);
    assertThat(parse("server:\n  port: ${PORT:-9001}\n", Map.of("PORT", "9002")).server().port())
        .isEqualTo(9002);
  }

  @Test
  void defaultMayContainColonsAndBeEmpty() {
    RampartConfig config = parse("storage:\n  url: ${DB_URL:-jdbc:h2:mem:test}\n");
    assertThat(config.storage().url()).isEqualTo("jdbc:h2:mem:test");
    assertThat(username("\"${WHO:-}\"", Map.of())).isEmpty();
  }

  @Test
  void variablesNestInsideStrings() {
    Map<String, String> env = Map.of("TENANT", "acme", "ENV", "prod");
    assertThat(username("app-${TENANT}-${ENV}", env)).isEqualTo("app-acme-prod");
    assertThat(username("\"${TENANT}${ENV}\"", env)).isEqualTo("acmeprod");
    assertThat(username("'${TENANT}'", env)).isEqualTo("acme");
    assertThat(username("|\n    multi ${TENANT}", env)).isEqualTo("multi acme\n");
  }

  @Test
  void dollarDollarBraceEscapesALiteral() {
    assertThat(username("\"$${NOT_A_VAR}\"", Map.of())).isEqualTo("${NOT_A_VAR}");
    assertThat(username("\"cost: $$5 and $x\"", Map.of())).isEqualTo("cost: $$5 and $x");
    assertThat(username("\"$$${A}\"", Map.of("A", "v"))).isEqualTo("$${A}");
  }

  @Test
  void expandedValuesAreNotExpandedAgain() {
    assertThat(username("${A}", Map.of("A", "${B}", "B", "no"))).isEqualTo("${B}");
  }

  @Test
  void keysAreNotInterpolated() {
    assertThat(failure("${SECTION}:\n  port: 1\n", Map.of("SECTION", "server")).getMessage())
        .startsWith("rampart.yaml:1: [\"${SECTION}\"]: unknown key");
  }

  @Test
  void malformedReferencesAreErrors() {
    assertThat(failure("storage:\n  username: ${OOPS\n"))
        .hasMessage(
            "rampart.yaml:2: storage.username: unterminated ${"
                + " (expected ${VAR} or ${VAR:-default}; write $${ for a literal ${)");
    assertThat(failure("storage:\n  username: ${A:-${B}}\n").getMessage())
        .startsWith("rampart.yaml:2: storage.username: nested ${ in a default");
    assertThat(failure("storage:\n  username: ${1BAD}\n").getMessage())
        .startsWith("rampart.yaml:2: storage.username: invalid variable reference");
  }

  @Test
  void everyUnsetVariableIsReported() {
    assertThat(failure("storage:\n  username: ${A}-${B}\n").problems())
        .extracting(ConfigProblem::message)
        .allMatch(m -> m.startsWith("environment variable "))
        .hasSize(2);
  }
}
