package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.event.Severity;
import io.rampart.discovery.Asset;
import io.rampart.discovery.AssetKind;
import io.rampart.discovery.Inventory;
import io.rampart.discovery.RelationType;
import io.rampart.discovery.Relationship;
import io.rampart.discovery.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostureEngineTest {
  @TempDir Path dir;

  static Asset asset(String id, AssetKind kind, String provider, Map<String, Object> props) {
    return new Asset(id, kind, "t", id, provider, Optional.empty(), Map.of(), props,
        new SourceRef(id + ".tf", 1), Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void aConditionThatFailsToEvaluateIsOneRuleErrorNotACrash() throws Exception {
    Path rules = Files.writeString(dir.resolve("r.yaml"), """
        rules:
          - id: custom.unguarded
            severity: low
            title: unguarded property access
            kinds: [ai_account]
            when: "asset.props.doesNotExist == true"
            rationale: r
            remediation: r
            references: [LLM10]
        """);
    PostureEngine engine = PostureEngine.create(RuleSet.load(RiskCatalog.builtIn(),
        List.of(rules)));
    Inventory inv = Inventory.of(List.of(
        asset("a", AssetKind.AI_ACCOUNT, "azure", Map.of("localAuthEnabled", true)),
        asset("b", AssetKind.AI_ACCOUNT, "azure", Map.of())), List.of(), List.of());
    Assessment a = engine.assess(inv);
    assertThat(a.ruleErrors()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo("custom.unguarded");
      assertThat(e.assets()).isEqualTo(2);
      assertThat(e.message()).contains("expected");
    });
    assertThat(a.findings()).extracting(Finding::rule).containsExactly(
        "azure.ai.local-auth-enabled");
  }

  @Test
  void leakedCredentialToAPublicAccountIsAnAttackPathRankedAboveItsFindings() {
    Asset file = asset("code:app.py", AssetKind.SOURCE_FILE, "code", Map.of(
        "hardcodedCredentials", List.of(Map.of("type", "AZURE_AI_KEY", "line", 7L))));
    Asset app = asset("code:app", AssetKind.APPLICATION, "code", Map.of());
    Asset account = asset("acct", AssetKind.AI_ACCOUNT, "azure", Map.of(
        "publicNetworkAccess", true, "networkDefaultAction", "Allow", "exposure", "internet",
        "localAuthEnabled", true));
    Asset quiet = asset("other", AssetKind.AI_ACCOUNT, "azure", Map.of());
    Inventory inv = Inventory.of(List.of(file, app, account, quiet), List.of(
        new Relationship(file.id(), RelationType.PART_OF, app.id()),
        new Relationship(app.id(), RelationType.USES, account.id()),
        new Relationship(app.id(), RelationType.USES, quiet.id())), List.of());
    Assessment a = PostureEngine.create(RuleFixturesTest.RULES).assess(inv);
    assertThat(a.attackPaths()).singleElement().satisfies(p -> {
      assertThat(p.assets()).containsExactly("code:app.py", "code:app", "acct");
      assertThat(p.findings()).startsWith("code.hardcoded-ai-credential")
          .contains("azure.ai.local-auth-enabled");
      assertThat(p.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(p.score()).isGreaterThan(a.findings().getFirst().score());
    });
    Finding cred = a.findings().stream().filter(f -> f.rule().equals(
        "code.hardcoded-ai-credential")).findFirst().orElseThrow();
    assertThat(cred.location()).contains(new SourceRef("code:app.py.tf", 7));
    assertThat(a.assetScores().get("acct")).isEqualTo(a.attackPaths().getFirst().score());
    assertThat(a.assetScores().get("other")).isZero();
    assertThat(a.estateScore()).isBetween(50, 100);
    var events = FindingEvents.drafts(a);
    assertThat(events).hasSize(a.findings().size() + 1);
    assertThat(events.getFirst().type()).isEqualTo("scan.finding");
    assertThat(events.getLast().type()).isEqualTo("scan.attack-path");
    assertThat(events.getLast().severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void exposureAndSensitivityRaiseTheScore() {
    Asset internet = asset("i", AssetKind.STORAGE_ACCOUNT, "azure", Map.of("exposure",
        "internet"));
    Asset hidden = asset("h", AssetKind.AI_ACCOUNT, "azure", Map.of("exposure", "private"));
    assertThat(Scoring.finding(Severity.MEDIUM, internet))
        .isGreaterThan(Scoring.finding(Severity.MEDIUM, hidden));
    assertThat(Scoring.finding(Severity.CRITICAL, internet)).isLessThanOrEqualTo(10);
    assertThat(Scoring.estate(List.of())).isZero();
  }
}
