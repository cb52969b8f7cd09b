package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.discovery.Discovery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code rampart scan} over the sample estate in {@code examples/estate}. */
class ScanRunnerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  static final ScanRunner RUNNER = ScanRunner.create(CLOCK, Discovery.create(CLOCK),
      RiskCatalog.builtIn(), java.util.Map.of());
  static final String ESTATE = Path.of("..", "examples", "estate").toString();
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String format, String failOn, String... paths) {
    return run(ScanRequest.parse(List.of(paths), "", format, failOn, List.of()));
  }

  static Run run(ScanRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RUNNER.run(request, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonListsAssetsAndFindingsWithLocationsAndReferences() throws Exception {
    Run r = run("json", "", ESTATE);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("assets").size()).isGreaterThan(15);
    List<String> rules = new ArrayList<>();
    root.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertThat(rules).contains("azure.ai.public-network-access", "azure.ai.local-auth-enabled",
        "azure.ai.content-filter-missing", "azure.storage.public-blob-access",
        "azure.search.public-network-access", "azure.ml.public-network-access",
        "k8s.model-server-exposed", "k8s.trust-remote-code", "k8s.vector-db-exposed",
        "code.hardcoded-ai-credential", "code.unsafe-model-load", "code.unpinned-model-pull",
        "code.pickle-model-file", "mcp.plaintext-secret", "mcp.unpinned-server");
    JsonNode cred = find(root, "code.hardcoded-ai-credential");
    assertThat(cred.get("severity").asText()).isEqualTo("critical");
    assertThat(cred.get("asset").asText()).startsWith("code:");
    assertThat(cred.get("location").get("path").asText()).endsWith("app/chat.py");
    assertThat(cred.get("location").get("line").asInt()).isEqualTo(6);
    assertThat(cred.get("references").toString()).contains("AML.T0055");
    JsonNode pna = find(root, "azure.ai.public-network-access");
    assertThat(pna.get("location").get("path").asText()).endsWith("modules/openai/main.tf");
    assertThat(pna.get("title").asText()).contains("internet");
    // attack path: leaked key -> app -> the public account it calls
    assertThat(root.get("attackPaths").size()).isPositive();
    JsonNode top = root.get("attackPaths").get(0);
    assertThat(top.get("score").asDouble())
        .isGreaterThanOrEqualTo(root.get("findings").get(0).get("score").asDouble());
    assertThat(root.get("summary").get("estateScore").asInt()).isBetween(1, 100);
    // the well-configured account makes no network findings
    assertThat(r.out()).doesNotContain("\"asset\" : \"/subscriptions/00000000-0000-0000-0000-"
        + "000000000000/resourcegroups/rag/providers/microsoft.cognitiveservices/accounts/"
        + "contoso-embed\"");
  }

  private static JsonNode find(JsonNode root, String rule) {
    for (JsonNode f : root.get("findings")) {
      if (f.get("rule").asText().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + rule);
  }

  @Test
  void sarifIsVersion210WithRulesLocationsAndSecuritySeverity() throws Exception {
    Run r = run("sarif", "", ESTATE);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules.size()).isGreaterThanOrEqualTo(40);
    assertThat(rules.get(0).get("properties").get("security-severity").asText()).matches("\\d+\\.\\d");
    assertThat(run.get("results").size()).isPositive();
    for (JsonNode res : run.get("results")) {
      assertThat(rules.get(res.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(res.get("ruleId").asText());
      JsonNode loc = res.get("locations").get(0).get("physicalLocation");
      assertThat(loc.get("artifactLocation").get("uri").asText()).doesNotStartWith("/");
      assertThat(loc.get("region").get("startLine").asInt()).isPositive();
      assertThat(res.get("level").asText()).isIn("error", "warning", "note");
    }
  }

  @Test
  void failOnSetsTheExitCode() {
    assertThat(run("text", "critical", ESTATE).code()).isEqualTo(ScanRunner.FINDINGS);
    Path clean = dir.resolve("clean.tf");
    assertThat(run("text", "low", dir.toString()).code()).isEqualTo(ScanRunner.OK);
    assertThat(clean).doesNotExist();
  }

  @Test
  void textCsvHtmlAndCycloneDxRender() throws Exception {
    Run text = run("text", "", ESTATE);
    assertThat(text.out()).startsWith("Rampart scan: ").contains("Attack paths")
        .contains("code.hardcoded-ai-credential").doesNotContain("3f9c2a7b1e4d8c6a0b5f7e2d9c1a4b6e");
    Run csv = run("csv", "", ESTATE);
    assertThat(csv.out()).startsWith("rule,severity,score,asset,title,path,line,references\r\n")
        .contains("k8s.model-server-exposed,critical,");
    Run html = run("html", "", ESTATE);
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("</html>")
        .doesNotContain("<script").doesNotContain("src=\"http");
    JsonNode bom = new ObjectMapper().readTree(run("cyclonedx", "", ESTATE).out());
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    List<String> types = new ArrayList<>();
    bom.get("components").forEach(c -> types.add(c.get("type").asText()));
    assertThat(types).contains("machine-learning-model", "platform", "library", "data",
        "application");
  }

  @Test
  void unreadableInputIsReportedAndTheRestScanned() throws Exception {
    Files.writeString(dir.resolve("broken.tf"), "resource \"x\" {\n");
    Files.writeString(dir.resolve("ok.tf"), "resource \"azurerm_cognitive_account\" \"a\" {\n"
        + "  name = \"a\"\n}\n");
    Run r = run("json", "high", dir.toString());
    assertThat(r.err()).contains("broken.tf:2: malformed HCL");
    assertThat(r.code()).isEqualTo(ScanRunner.FINDINGS);
    assertThat(new ObjectMapper().readTree(r.out()).get("errors").get(0).get("line").asInt())
        .isEqualTo(2);
  }

  @Test
  void usageErrors() throws Exception {
    assertThat(run("text", "", dir.resolve("nope").toString()).code()).isEqualTo(ScanRunner.USAGE);
    Path bad = Files.writeString(dir.resolve("bad-rules.yaml"), "rules: [\n");
    Run r = run(ScanRequest.parse(List.of(ESTATE), "", "text", "", List.of(bad.toString())));
    assertThat(r.code()).isEqualTo(ScanRunner.USAGE);
    assertThat(r.err()).contains("bad-rules.yaml:").contains("malformed YAML");
    assertThatThrownBy(() -> ScanRequest.parse(List.of("x"), "gcp", "text", "", List.of()))
        .hasMessage("source: gcp (expected: azure, arg-json, arm, terraform, k8s or code)");
    assertThatThrownBy(() -> ScanRequest.parse(List.of("x"), "", "pdf", "", List.of()))
        .hasMessageStartingWith("format: pdf (expected:");
    assertThatThrownBy(() -> ScanRequest.parse(List.of("x"), "", "text", "urgent", List.of()))
        .hasMessageStartingWith("fail-on: urgent (expected:");
    assertThatThrownBy(() -> ScanRequest.parse(List.of(), "", "text", "", List.of()))
        .hasMessageStartingWith("paths: none");
  }

  @Test
  void azureSourceScansSubscriptionsLiveWithCredentialsFromTheEnvironment() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/providers/Microsoft.ResourceGraph/resources", ex -> {
      boolean auth = "Bearer tok".equals(ex.getRequestHeaders().getFirst("Authorization"));
      byte[] b = ("{\"data\": [{\"id\": \"/subscriptions/sub-1/resourceGroups/r/providers/"
          + "Microsoft.CognitiveServices/accounts/live\", \"name\": \"live\", \"type\": "
          + "\"microsoft.cognitiveservices/accounts\", \"properties\": {}}]}")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(auth ? 200 : 401, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      ScanRunner runner = ScanRunner.create(CLOCK, Discovery.create(CLOCK), RiskCatalog.builtIn(),
          java.util.Map.of("AZURE_ACCESS_TOKEN", "tok", "AZURE_RESOURCE_MANAGER",
              "http://127.0.0.1:" + server.getAddress().getPort()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = runner.run(ScanRequest.parse(List.of("sub-1"), "azure", "json", "high",
          List.of()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertThat(code).isEqualTo(ScanRunner.FINDINGS);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("azure.ai.local-auth-enabled")
          .contains("/subscriptions/sub-1/resourcegroups/r/providers/microsoft.cognitiveservices/"
              + "accounts/live");
    } finally {
      server.stop(0);
    }
    Run noCreds = run(ScanRequest.parse(List.of("sub-1"), "azure", "text", "", List.of()));
    assertThat(noCreds.code()).isEqualTo(ScanRunner.USAGE);
    assertThat(noCreds.err()).contains("azure: no credentials");
  }

  @Test
  void sourceFlagRestrictsTheScan() throws Exception {
    JsonNode root = new ObjectMapper().readTree(run(ScanRequest.parse(List.of(ESTATE), "k8s",
        "json", "", List.of())).out());
    root.get("assets").forEach(a -> assertThat(a.get("provider").asText()).isEqualTo("kubernetes"));
    assertThat(root.get("assets").size()).isEqualTo(5);
  }
}
