package io.rampart.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RiskCatalogTest {
  private final RiskCatalog catalog = RiskCatalog.builtIn();

  private long count(Framework framework, EntryKind kind) {
    return catalog.entries(framework).stream().filter(e -> e.kind() == kind).count();
  }

  @Test
  void shipsTenOwaspLlmAndTenAgenticRisks() {
    assertThat(catalog.entries(Framework.OWASP_LLM))
        .extracting(CatalogEntry::id)
        .containsExactly("LLM01", "LLM02", "LLM03", "LLM04", "LLM05", "LLM06", "LLM07", "LLM08",
            "LLM09", "LLM10");
    assertThat(catalog.entries(Framework.OWASP_AGENTIC))
        .extracting(CatalogEntry::id)
        .containsExactly("ASI01", "ASI02", "ASI03", "ASI04", "ASI05", "ASI06", "ASI07", "ASI08",
            "ASI09", "ASI10");
    assertThat(count(Framework.OWASP_LLM, EntryKind.RISK)).isEqualTo(10);
    assertThat(count(Framework.OWASP_AGENTIC, EntryKind.RISK)).isEqualTo(10);
  }

  @Test
  void shipsAtlasTacticsTechniquesAndMitigations() {
    // Numbers of ATLAS v5.6.0; update them when regenerating from a newer release.
    assertThat(count(Framework.ATLAS, EntryKind.TACTIC)).isEqualTo(16);
    assertThat(count(Framework.ATLAS, EntryKind.TECHNIQUE)).isEqualTo(101);
    assertThat(count(Framework.ATLAS, EntryKind.SUBTECHNIQUE)).isEqualTo(69);
    assertThat(count(Framework.ATLAS, EntryKind.MITIGATION)).isEqualTo(35);
    assertThat(catalog.entries()).hasSize(20 + 16 + 101 + 69 + 35);
  }

  @Test
  void findsEntriesByIdIgnoringCase() {
    CatalogEntry injection = catalog.find("AML.T0051").orElseThrow();
    assertThat(injection.name()).isEqualTo("LLM Prompt Injection");
    assertThat(injection.kind()).isEqualTo(EntryKind.TECHNIQUE);
    assertThat(injection.framework()).isEqualTo(Framework.ATLAS);
    assertThat(injection.url()).isEqualTo("https://atlas.mitre.org/techniques/AML.T0051");
    assertThat(injection.related()).containsExactly("AML.TA0005");
    assertThat(catalog.find("aml.t0051")).contains(injection);
    assertThat(catalog.find(" llm01 ").orElseThrow().name()).isEqualTo("Prompt Injection");
    assertThat(catalog.find("asi01").orElseThrow().name()).isEqualTo("Agent Goal Hijack");
    assertThat(catalog.find("AML.T9999")).isEmpty();
    assertThat(catalog.find("")).isEmpty();
  }

  @Test
  void owaspRisksLinkToAtlasTechniques() {
    CatalogEntry llm01 = catalog.find("LLM01").orElseThrow();
    assertThat(llm01.url()).isEqualTo("https://genai.owasp.org/llmrisk/llm01-prompt-injection/");
    assertThat(llm01.related())
        .contains("AML.T0051", "AML.T0051.000", "AML.T0051.001", "AML.T0054");
    assertThat(catalog.find("ASI06").orElseThrow().related()).contains("LLM04", "AML.T0080");
    for (CatalogEntry risk : catalog.entries(Framework.OWASP_LLM)) {
      assertThat(risk.related()).as(risk.id()).isNotEmpty().allMatch(id -> id.startsWith("AML."));
      assertThat(risk.description().split("\\. ")).as(risk.id()).hasSizeBetween(2, 4);
    }
  }

  @Test
  void subtechniquesAndMitigationsPointAtTechniques() {
    assertThat(catalog.find("AML.T0051.001").orElseThrow())
        .satisfies(e -> assertThat(e.kind()).isEqualTo(EntryKind.SUBTECHNIQUE))
        .satisfies(e -> assertThat(e.related()).containsExactly("AML.T0051"));
    CatalogEntry mitigation = catalog.find("AML.M0000").orElseThrow();
    assertThat(mitigation.kind()).isEqualTo(EntryKind.MITIGATION);
    assertThat(mitigation.url()).isEqualTo("https://atlas.mitre.org/mitigations/AML.M0000");
    assertThat(mitigation.related()).contains("AML.T0000", "AML.T0005.000");
    assertThat(catalog.find("AML.TA0005").orElseThrow().url())
        .isEqualTo("https://atlas.mitre.org/tactics/AML.TA0005");
  }

  @Test
  void relatedToTacticReturnsItsTechniques() {
    List<CatalogEntry> execution = catalog.relatedTo("aml.ta0005");
    assertThat(execution).extracting(CatalogEntry::id).contains("AML.T0051", "AML.T0050");
    assertThat(execution).allMatch(e -> e.kind() == EntryKind.TECHNIQUE);
    assertThat(catalog.relatedTo("AML.T0051"))
        .extracting(CatalogEntry::id)
        .contains("AML.T0051.000", "AML.T0051.001", "AML.T0051.002", "LLM01", "ASI01");
    assertThat(catalog.relatedTo("AML.T9999")).isEmpty();
  }

  @Test
  void requireKnownPassesKnownIdsInAnyCase() {
    catalog.requireKnown(List.of("LLM01", "asi10", "AML.T0051.000", "aml.m0000"), "rules.yaml:3");
    assertThat(catalog.find("asi10")).isPresent();
  }

  @Test
  void requireKnownReportsEveryUnknownIdAtOnce() {
    assertThatThrownBy(() -> catalog.requireKnown(
            List.of("LLM01", "LLM11", "AML.T9999", "LLM11", "ASI00"), "rules.yaml:12"))
        .isInstanceOfSatisfying(UnknownCatalogIdException.class,
            e -> assertThat(e.ids()).containsExactly("LLM11", "AML.T9999", "ASI00"))
        .hasMessageStartingWith("rules.yaml:12: references: LLM11, AML.T9999, ASI00 (expected:");
  }

  @Test
  void builtInIsLoadedOnceAndImmutable() {
    assertThat(RiskCatalog.builtIn()).isSameAs(catalog);
    assertThatThrownBy(() -> catalog.entries().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> catalog.entries(Framework.ATLAS).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(catalog.entries().stream().map(e -> e.id().toUpperCase(Locale.ROOT)).distinct())
        .hasSameSizeAs(catalog.entries());
    assertThat(catalog.entries()).allMatch(e -> e.url().startsWith("https://"));
    assertThat(catalog).hasToString("RiskCatalog[entries=241]");
  }
}
