package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rampart.core.RampartException;
import io.rampart.core.catalog.RiskCatalog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void readsKebabCaseYaml() throws Exception {
    GuardConfig c = GuardConfig.fromTree(YAML.readTree("""
        prompt-threshold: 0.7
        response-threshold: 0.4
        allow-patterns: ["ignore the noise"]
        disabled-rules: [override.role-line]
        blocked-domains: [Evil.Example]
        max-input-chars: 5000
        model: disabled
        """));
    assertThat(c.thresholds().prompt()).isEqualTo(0.7);
    assertThat(c.thresholds().response()).isEqualTo(0.4);
    assertThat(c.thresholds().tools()).isEqualTo(0.5);
    assertThat(c.blockedDomains()).containsExactly("evil.example");
    assertThat(c.disabledRules()).containsExactly("override.role-line");
    assertThat(c.model()).isEqualTo(GuardConfig.ModelMode.DISABLED);
    assertThat(c.maxInputChars()).isEqualTo(5000);
  }

  @Test
  void rejectsBadValuesWithFieldValueExpected() {
    assertThatThrownBy(() -> GuardConfig.fromTree(YAML.readTree("prompt-treshold: 0.5")))
        .isInstanceOf(GuardException.class).isInstanceOf(RampartException.class)
        .hasMessageContaining("guard.prompt-treshold").hasMessageContaining("expected:");
    assertThatThrownBy(() -> GuardConfig.builder().promptThreshold(1.5).build())
        .hasMessage("prompt-threshold: 1.5 (expected: 0 < value <= 1)");
    assertThatThrownBy(() -> GuardConfig.builder().allowPattern("(").build())
        .hasMessageContaining("allow-patterns: (");
    assertThatThrownBy(() -> GuardConfig.fromTree(YAML.readTree("model: maybe")))
        .hasMessage("model: maybe (expected: enabled or disabled)");
  }

  @Test
  void everyCategoryMapsToKnownCatalogIds() {
    List<String> ids = Arrays.stream(Category.values()).flatMap(c -> c.catalogIds().stream()).distinct().toList();
    RiskCatalog.builtIn().requireKnown(ids, "rampart-guard Category");
    assertThat(ids).contains("LLM01", "LLM05", "LLM07", "AML.T0051", "AML.T0054");
  }

  @Test
  void signatureFileParsesAndUsesKnownCategories() {
    assertThat(Signatures.builtIn().rules()).hasSizeGreaterThan(50)
        .allSatisfy(r -> assertThat(r.weight()).isBetween(0.0, 1.0));
  }
}
