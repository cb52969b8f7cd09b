package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.catalog.RiskCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
  private static final RiskCatalog CATALOG = RiskCatalog.builtIn();
  private static final String GOOD = """
      rules:
        - id: custom.ollama-anywhere
          severity: medium
          title: Ollama server found
          kinds: [model_server]
          when: "has(asset.props.server) && asset.props.server == 'ollama'"
          rationale: We standardise on vLLM.
          remediation: Migrate to vLLM.
          references: [LLM03]
      """;
  @TempDir Path dir;

  private RuleLoadException failure(String yaml) throws Exception {
    Path f = Files.writeString(dir.resolve("custom.yaml"), yaml);
    try {
      RuleSet.load(CATALOG, List.of(f));
    } catch (RuleLoadException e) {
      return e;
    }
    throw new AssertionError("no failure for:\n" + yaml);
  }

  @Test
  void userRulesLoadBesideTheBuiltInOnes() throws Exception {
    Path f = Files.writeString(dir.resolve("custom.yaml"), GOOD);
    RuleSet set = RuleSet.load(CATALOG, List.of(f));
    assertThat(set.rules()).extracting(Rule::id).contains("custom.ollama-anywhere",
        "azure.ai.local-auth-enabled");
  }

  @Test
  void unknownCatalogIdFailsWithFileAndLine() throws Exception {
    RuleLoadException e = failure(GOOD.replace("[LLM03]", "[LLM03, LLM99]"));
    assertThat(e.file()).endsWith("custom.yaml");
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.getMessage()).contains("LLM99").contains("expected");
  }

  @Test
  void celCompileErrorFailsWithFileAndLine() throws Exception {
    RuleLoadException e = failure(GOOD.replace("asset.props.server == 'ollama'",
        "asset.props.server ==="));
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.getMessage()).contains("custom.ollama-anywhere: when: does not compile");
  }

  @Test
  void nonBooleanConditionIsRejected() throws Exception {
    assertThat(failure(GOOD.replace("\"has(asset.props.server) && asset.props.server == 'ollama'\"",
        "\"'text'\"")).getMessage()).contains("does not compile");
  }

  @Test
  void yamlErrorsUnknownKeysMissingFieldsAndDuplicatesFail() throws Exception {
    assertThat(failure("rules:\n  - id: [unclosed\n").getMessage()).contains("malformed YAML");
    RuleLoadException unknown = failure(GOOD.replace("    title:", "    titel: x\n    title:"));
    assertThat(unknown.line()).isEqualTo(4);
    assertThat(unknown.getMessage()).contains("unknown key 'titel'");
    assertThat(failure(GOOD.replace("    remediation: Migrate to vLLM.\n", "")).getMessage())
        .contains("remediation: missing");
    assertThat(failure(GOOD.replace("[model_server]", "[gpu]")).getMessage())
        .contains("kind: gpu");
    assertThat(failure(GOOD.replace("severity: medium", "severity: severe")).getMessage())
        .contains("severity: severe");
    assertThat(failure(GOOD.replace("custom.ollama-anywhere", "azure.ai.local-auth-enabled"))
        .getMessage()).contains("already defined at rules/azure.yaml:");
    assertThat(failure("something: else\n").getMessage()).contains("rules: missing");
  }
}
