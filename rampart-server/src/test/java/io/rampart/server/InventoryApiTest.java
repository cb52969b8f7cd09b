package io.rampart.server;

import io.rampart.core.storage.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.auth.Role;
import io.rampart.core.config.StorageConfig;
import io.rampart.core.event.Severity;
import io.rampart.core.inventory.AssessmentRun;
import io.rampart.core.inventory.AssetLink;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.FindingRecord;
import io.rampart.core.inventory.JdbcInventoryStore;
import io.rampart.core.inventory.RunInput;
import io.rampart.core.storage.Database;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/assets}, {@code /api/findings} and {@code /api/assessments} over H2. */
class InventoryApiTest {
  static final String ACCT = "/subscriptions/1/resourcegroups/ai/providers/"
      + "microsoft.cognitiveservices/accounts/";
  @TempDir Path dir;
  private Database db;
  private JdbcInventoryStore store;
  private TestApi api;
  private final List<String> launched = new ArrayList<>();
  private String firstRun;
  private String secondRun;

  @BeforeEach
  void start() {
    db = Database.open(StorageConfig.DEFAULT, dir.resolve("data"));
    TestClock clock = TestClock.at(TestApi.START);
    store = JdbcInventoryStore.create(db, clock, new Random(5));
    List<AssetRecord> assets = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      assets.add(asset(ACCT + "a" + i, i < 5 ? "ai_account" : "key_vault"));
    }
    firstRun = run(clock, assets, List.of(finding("azure.ai.local-auth-enabled", ACCT + "a0",
        Severity.HIGH), finding("azure.ai.no-private-endpoint", ACCT + "a1", Severity.MEDIUM)));
    secondRun = run(clock, assets.subList(0, 6), List.of(finding("azure.ai.local-auth-enabled",
        ACCT + "a0", Severity.HIGH), finding("azure.ai.public-network-access", ACCT + "a2",
        Severity.CRITICAL)));
    AssessmentLauncher launcher = new AssessmentLauncher() {
      @Override
      public List<String> schedules() {
        return List.of("nightly");
      }

      @Override
      public AssessmentRun launch(String schedule) {
        if (!schedule.equals("nightly")) {
          throw new IllegalArgumentException("schedule: " + schedule + " (expected: nightly)");
        }
        if (!launched.isEmpty()) {
          throw new IllegalStateException("schedule: nightly: running (expected: one at a time)");
        }
        launched.add(schedule);
        return store.start(schedule, List.of("estate"), "");
      }
    };
    api = new TestApi(b -> b.inventory(store).launcher(launcher));
  }

  private String run(TestClock clock, List<AssetRecord> assets, List<FindingRecord> findings) {
    clock.advance(Duration.ofHours(1));
    AssessmentRun r = store.start("nightly", List.of("estate"), "");
    return store.complete(r.id(), new RunInput(assets,
        List.of(new AssetLink(ACCT + "a0", "reads_secrets_from", ACCT + "a5")), findings, 0, 0,
        30)).run().id();
  }

  static AssetRecord asset(String id, String kind) {
    return AssetRecord.observed(id, kind, "t", id.substring(id.lastIndexOf('/') + 1), "azure",
        Optional.of("westeurope"), Map.of("owner", "ai"), Map.of("publicNetworkAccess", true),
        "rg.json:4", Instant.EPOCH);
  }

  static FindingRecord finding(String rule, String asset, Severity s) {
    return new FindingRecord(rule, s, asset, "t " + rule, Optional.of("rg.json"), 4,
        List.of("LLM03"), 5.0);
  }

  @AfterEach
  void stop() {
    api.close();
    db.close();
  }

  JsonNode get(String path) {
    HttpResponse<String> r = api.get(path, api.bearer.get(Role.ANALYST));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return TestApi.json(r);
  }

  @Test
  void assetsPageWithFiltersAndIncludeMissing() {
    JsonNode page = get("/api/assets?kind=ai_account&limit=2");
    List<String> ids = new ArrayList<>();
    page.get("assets").forEach(a -> ids.add(a.get("id").asText()));
    while (!page.get("next_cursor").isNull()) {
      page = get("/api/assets?kind=ai_account&limit=2&cursor="
          + page.get("next_cursor").asText());
      page.get("assets").forEach(a -> ids.add(a.get("id").asText()));
    }
    assertThat(ids).containsExactly(ACCT + "a0", ACCT + "a1", ACCT + "a2", ACCT + "a3",
        ACCT + "a4");
    assertThat(get("/api/assets?kind=key_vault").get("assets")).hasSize(1);
    JsonNode all = get("/api/assets?include-missing=true&provider=azure");
    assertThat(all.get("assets")).hasSize(7);
    assertThat(all.get("assets").get(6).get("missing").asBoolean()).isTrue();
    assertThat(all.get("assets").get(0).get("owner").asText()).isEqualTo("ai");
  }

  @Test
  void oneAssetByRefWithRelationships() {
    String ref = get("/api/assets?limit=1").get("assets").get(0).get("ref").asText();
    JsonNode a = get("/api/assets/" + ref);
    assertThat(a.get("id").asText()).isEqualTo(ACCT + "a0");
    assertThat(a.get("properties").get("publicNetworkAccess").asBoolean()).isTrue();
    assertThat(a.get("relationships").get(0).get("type").asText())
        .isEqualTo("reads_secrets_from");
    HttpResponse<String> missing = api.get("/api/assets/bm9uZQ", api.admin());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(TestApi.errorMessage(missing)).startsWith("asset: bm9uZQ (expected:");
  }

  @Test
  void findingsDefaultToCurrentUnresolvedAndFilterByStatusSeverityRuleAsset() {
    JsonNode current = get("/api/findings");
    assertThat(current.get("findings")).extracting(f -> f.get("rule").asText() + " "
        + f.get("status").asText()).containsExactly("azure.ai.public-network-access new",
        "azure.ai.local-auth-enabled open");
    assertThat(get("/api/findings?status=resolved").get("findings")).singleElement()
        .satisfies(f -> assertThat(f.get("rule").asText())
            .isEqualTo("azure.ai.no-private-endpoint"));
    assertThat(get("/api/findings?severity=high,critical&status=new,open").get("findings"))
        .hasSize(2);
    assertThat(get("/api/findings?rule=azure.ai.local-auth-enabled&assessment=" + firstRun)
        .get("findings")).singleElement().satisfies(f -> {
          assertThat(f.get("status").asText()).isEqualTo("new");
          assertThat(f.get("location").get("line").asInt()).isEqualTo(4);
          assertThat(f.get("references").get(0).asText()).isEqualTo("LLM03");
        });
    String asset = URLEncoder.encode(ACCT + "a2", StandardCharsets.UTF_8);
    assertThat(get("/api/findings?asset=" + asset).get("findings")).hasSize(1);
    HttpResponse<String> bad = api.get("/api/findings?status=closed", api.admin());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestApi.errorMessage(bad)).isEqualTo(
        "status: closed (expected: new, open or resolved)");
    HttpResponse<String> cursor = api.get("/api/findings?cursor=abc", api.admin());
    assertThat(cursor.statusCode()).isEqualTo(400);
  }

  @Test
  void assessmentsListAndShowAndStartAConfiguredSchedule() {
    JsonNode list = get("/api/assessments");
    assertThat(list.get("assessments")).extracting(r -> r.get("id").asText())
        .containsExactly(secondRun, firstRun);
    JsonNode one = get("/api/assessments/" + secondRun);
    assertThat(one.get("counts").get("new_findings").asInt()).isEqualTo(1);
    assertThat(one.get("counts").get("resolved_findings").asInt()).isEqualTo(1);
    assertThat(one.get("status").asText()).isEqualTo("succeeded");
    assertThat(api.get("/api/assessments/NOPE", api.admin()).statusCode()).isEqualTo(404);

    HttpResponse<String> started = api.post("/api/assessments", api.bearer.get(Role.ANALYST),
        "{\"schedule\": \"nightly\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String id = TestApi.json(started).get("id").asText();
    assertThat(started.headers().firstValue("Location")).contains("/api/assessments/" + id);
    assertThat(TestApi.json(started).get("status").asText()).isEqualTo("running");
    HttpResponse<String> again = api.post("/api/assessments", api.admin(),
        "{\"schedule\": \"nightly\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<String> unknown = api.post("/api/assessments", api.admin(),
        "{\"schedule\": \"weekly\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    HttpResponse<String> paths = api.post("/api/assessments", api.admin(),
        "{\"schedule\": \"nightly\", \"sources\": [\"/etc\"]}");
    assertThat(TestApi.errorMessage(paths)).startsWith("body: unknown field sources");
    // auditors read but cannot start runs
    assertThat(api.post("/api/assessments", api.bearer.get(Role.AUDITOR),
        "{\"schedule\": \"nightly\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void openApiDescribesTheInventoryRoutes() {
    JsonNode doc = get("/api/openapi.json");
    assertThat(doc.get("paths").has("/api/assets")).isTrue();
    assertThat(doc.get("paths").get("/api/assets/{ref}").has("get")).isTrue();
    assertThat(doc.get("paths").get("/api/findings").get("get").get("x-rampart-permission")
        .asText()).isEqualTo("events_read");
    assertThat(doc.get("paths").get("/api/assessments").has("post")).isTrue();
  }
}
