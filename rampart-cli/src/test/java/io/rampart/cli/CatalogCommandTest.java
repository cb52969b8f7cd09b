package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CatalogCommandTest {
  @Test
  void listsTheTenOwaspLlmRisks() {
    Cli.Result r = Cli.run("catalog", "list", "--framework", "owasp-llm");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).hasSize(10);
    assertThat(r.out()).contains("LLM01").contains("Prompt Injection").contains("LLM10");
  }

  @Test
  void listsAtlasTechniquesAsJson() throws Exception {
    Cli.Result r = Cli.run("catalog", "list", "--framework", "atlas", "--kind", "tactic", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(list.size()).isGreaterThanOrEqualTo(15);
    list.forEach(e -> assertThat(e.path("kind").asText()).isEqualTo("tactic"));
  }

  @Test
  void showsOneEntryCaseInsensitively() {
    Cli.Result r = Cli.run("catalog", "show", "aml.t0051");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("AML.T0051").contains("LLM Prompt Injection").contains("https://atlas.mitre.org/");
  }

  @Test
  void unknownIdIsAUsageError() {
    Cli.Result r = Cli.run("catalog", "show", "LLM99");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("LLM99").contains("expected");
  }

  @Test
  void unknownFrameworkIsAUsageError() {
    Cli.Result r = Cli.run("catalog", "list", "--framework", "nist");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("framework: nist");
  }
}
