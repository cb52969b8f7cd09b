package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.discovery.Asset;
import io.rampart.discovery.AssetKind;
import io.rampart.discovery.Inventory;
import io.rampart.discovery.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every built-in rule with its failing and passing fixture. */
class RuleFixturesTest {
  static final RuleSet RULES = RuleSet.builtIn(RiskCatalog.builtIn());
  static final PostureEngine ENGINE = PostureEngine.create(RULES);

  record Fixture(String rule, String expect, String kind, String provider,
      Map<String, Object> props) {
    @Override
    public String toString() {
      return rule + " " + expect;
    }
  }

  static List<Fixture> fixtures() throws IOException {
    try (InputStream in = RuleFixturesTest.class.getResourceAsStream("/rule-fixtures.json")) {
      Map<?, ?> root = new ObjectMapper().readValue(in, Map.class);
      return ((List<?>) root.get("fixtures")).stream().map(o -> (Map<?, ?>) o)
          .map(m -> new Fixture((String) m.get("rule"), (String) m.get("expect"),
              (String) m.get("kind"), (String) m.get("provider"),
              castMap(m.get("props")))).toList();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  static Stream<Fixture> all() throws IOException {
    return fixtures().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void ruleFailsAndPassesOnItsFixtures(Fixture f) {
    Asset asset = new Asset("fixture:" + f.rule(), AssetKind.parse(f.kind()), "fixture", "fx",
        f.provider(), Optional.empty(), Map.of(), f.props(), new SourceRef("fixture.tf", 3),
        Instant.EPOCH, Instant.EPOCH);
    Assessment a = ENGINE.assess(Inventory.of(List.of(asset), List.of(), List.of()));
    boolean fired = a.findings().stream().anyMatch(x -> x.rule().equals(f.rule()));
    assertThat(fired).as(f.toString()).isEqualTo(f.expect().equals("fail"));
    assertThat(a.ruleErrors()).as("conditions guard absent properties").isEmpty();
  }

  @Test
  void everyRuleHasAFailingAndAPassingFixture() throws IOException {
    Map<String, Set<String>> byRule = fixtures().stream().collect(Collectors.groupingBy(
        Fixture::rule, Collectors.mapping(Fixture::expect, Collectors.toSet())));
    assertThat(RULES.rules()).allSatisfy(r ->
        assertThat(byRule.get(r.id())).as(r.id()).containsExactlyInAnyOrder("fail", "ok"));
  }

  @Test
  void shipsAtLeastFortyRulesIncludingTheRequiredOnes() {
    List<String> ids = RULES.rules().stream().map(Rule::id).toList();
    assertThat(ids).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates().contains(
        "azure.ai.public-network-access", "azure.ai.local-auth-enabled",
        "azure.ai.no-private-endpoint", "azure.ai.no-customer-managed-key",
        "azure.ai.no-managed-identity", "azure.ai.diagnostics-disabled",
        "azure.ai.content-filter-missing", "k8s.model-server-exposed",
        "code.hardcoded-ai-credential", "code.unsafe-model-load", "mcp.plaintext-secret");
    assertThat(RULES.rules()).allSatisfy(r -> {
      assertThat(r.references()).isNotEmpty();
      assertThat(r.where().line()).isPositive();
    });
  }

  @Test
  void anAssetWithNoPropertiesMakesNoFindingsAndNoErrors() {
    List<Asset> bare = Stream.of(AssetKind.values()).map(k -> new Asset("bare:" + k.id(), k, "t",
        "n", "azure", Optional.empty(), Map.of(), Map.of(), new SourceRef("x", 0), Instant.EPOCH,
        Instant.EPOCH)).toList();
    Assessment a = ENGINE.assess(Inventory.of(bare, List.of(), List.of()));
    assertThat(a.ruleErrors()).isEmpty();
    assertThat(a.findings()).extracting(Finding::rule)
        .containsOnly("azure.ml.no-network-isolation");
  }
}
