package io.rampart.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant TIME = Instant.parse("2026-03-01T10:00:00.123456Z");

  private static Event event(String type, Severity severity, Outcome outcome,
      Map<String, Object> attributes, List<String> references) {
    return new Event("01JNKXJ3B0AAAAAAAAAAAAAAAA", TIME, type, severity, "alice",
        "model:gpt-4o", outcome, attributes, references);
  }

  private static JsonNode ocsf(Event event) throws IOException {
    StringWriter out = new StringWriter();
    try (EventExport export = EventExport.create(ExportFormat.OCSF, out)) {
      export.write(event);
    }
    return JSON.readTree(out.toString());
  }

  @Test
  void jsonLinesWritesOneObjectPerLineAndOmitsEmptyPrincipalAndAsset() throws IOException {
    Event full = event("dlp.redacted", Severity.HIGH, Outcome.REDACTED,
        Map.of("nested", Map.of("k", List.of(1, "ü"))), List.of("LLM02"));
    Event bare = new Event("01JNKXJ3B0AAAAAAAAAAAAAAAB", TIME, "config.changed", Severity.INFO,
        "", "", Outcome.SUCCESS, Map.of(), List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("the export must leave its target open");
      }
    };
    try (EventExport export = EventExport.create(ExportFormat.JSON_LINES, out)) {
      export.write(full);
      export.write(bare);
      assertThat(export.count()).isEqualTo(2);
    }

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").hasLineCount(2);
    JsonNode first = JSON.readTree(text.lines().toList().get(0));
    assertThat(first.get("id").asText()).isEqualTo(full.id());
    assertThat(first.get("time").asText()).isEqualTo("2026-03-01T10:00:00.123456Z");
    assertThat(first.get("severity").asText()).isEqualTo("high");
    assertThat(first.get("outcome").asText()).isEqualTo("redacted");
    assertThat(first.get("principal").asText()).isEqualTo("alice");
    assertThat(first.at("/attributes/nested/k/1").asText()).isEqualTo("ü");
    assertThat(first.at("/references/0").asText()).isEqualTo("LLM02");
    JsonNode second = JSON.readTree(text.lines().toList().get(1));
    assertThat(second.has("principal")).isFalse();
    assertThat(second.has("asset")).isFalse();
  }

  @Test
  void guardBlockBecomesADetectionFindingWithAttacksAndDisposition() throws IOException {
    JsonNode o = ocsf(event("guard.blocked", Severity.CRITICAL, Outcome.BLOCKED,
        Map.of("rule", "prompt-injection", "score", 0.97), List.of("LLM01", "AML.T0051")));

    assertThat(o.get("class_uid").asInt()).isEqualTo(2004);
    assertThat(o.get("category_uid").asInt()).isEqualTo(2);
    assertThat(o.get("activity_id").asInt()).isEqualTo(1);
    assertThat(o.get("type_uid").asLong()).isEqualTo(200401);
    assertThat(o.get("severity_id").asInt()).isEqualTo(5);
    assertThat(o.get("time").asLong()).isEqualTo(TIME.toEpochMilli());
    assertThat(o.at("/metadata/product/name").asText()).isEqualTo("Rampart");
    assertThat(o.at("/metadata/product/vendor_name").asText()).isEqualTo("Rampart");
    assertThat(o.at("/metadata/version").asText()).startsWith("1.");
    assertThat(o.at("/metadata/uid").asText()).isEqualTo("01JNKXJ3B0AAAAAAAAAAAAAAAA");
    assertThat(o.at("/finding_info/uid").asText()).isEqualTo("01JNKXJ3B0AAAAAAAAAAAAAAAA");
    assertThat(o.at("/finding_info/title").asText()).isEqualTo("guard.blocked");
    assertThat(o.at("/finding_info/types/0").asText()).isEqualTo("LLM01");
    assertThat(o.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("AML.T0051");
    assertThat(o.at("/finding_info/analytic/name").asText()).isEqualTo("prompt-injection");
    assertThat(o.at("/actor/user/name").asText()).isEqualTo("alice");
    assertThat(o.at("/resources/0/name").asText()).isEqualTo("model:gpt-4o");
    assertThat(o.get("disposition_id").asInt()).isEqualTo(2);
    assertThat(o.get("action_id").asInt()).isEqualTo(2);
    assertThat(o.get("status_id").asInt()).isEqualTo(1);
    assertThat(o.at("/unmapped/score").asDouble()).isEqualTo(0.97);
    assertThat(o.at("/metadata/labels/1").asText()).isEqualTo("AML.T0051");
  }

  @Test
  void scanFindingsAreComplianceFindingsAndDlpIsDataSecurity() throws IOException {
    JsonNode scan = ocsf(event("scan.finding", Severity.MEDIUM, Outcome.DETECTED,
        Map.of("check", "system-prompt-leak"), List.of("LLM07")));
    assertThat(scan.get("class_uid").asInt()).isEqualTo(2003);
    assertThat(scan.get("type_uid").asLong()).isEqualTo(200301);
    assertThat(scan.get("severity_id").asInt()).isEqualTo(3);
    assertThat(scan.at("/compliance/status_id").asInt()).isEqualTo(3);
    assertThat(scan.at("/compliance/control").asText()).isEqualTo("system-prompt-leak");
    assertThat(scan.at("/compliance/standards/0").asText())
        .isEqualTo("OWASP Top 10 for LLM Applications");
    assertThat(scan.get("disposition_id").asInt()).isEqualTo(15);

    JsonNode dlp = ocsf(event("dlp.redacted", Severity.HIGH, Outcome.REDACTED,
        Map.of("finding_types", List.of("EMAIL", "IBAN")), List.of()));
    assertThat(dlp.get("class_uid").asInt()).isEqualTo(2006);
    assertThat(dlp.at("/data_security/detection_pattern").asText()).isEqualTo("EMAIL, IBAN");
    assertThat(dlp.at("/finding_info/types").toString()).isEqualTo("[\"EMAIL\",\"IBAN\"]");
    assertThat(dlp.get("action_id").asInt()).isEqualTo(4);

    JsonNode gatewayDlp = ocsf(event("gateway.request", Severity.MEDIUM, Outcome.ALLOWED,
        Map.of("findings", List.of(Map.of("type", "API_KEY"))), List.of()));
    assertThat(gatewayDlp.get("class_uid").asInt()).isEqualTo(2006);
  }

  @Test
  void otherEventsMapToActivityClassesByVerb() throws IOException {
    JsonNode blocked = ocsf(event("gateway.request", Severity.HIGH, Outcome.BLOCKED,
        Map.of(), List.of()));
    assertThat(blocked.get("class_uid").asInt()).isEqualTo(2004);

    JsonNode allowed = ocsf(event("gateway.request", Severity.INFO, Outcome.ALLOWED,
        Map.of("message", "proxied"), List.of()));
    assertThat(allowed.get("class_uid").asInt()).isEqualTo(6003);
    assertThat(allowed.get("category_uid").asInt()).isEqualTo(6);
    assertThat(allowed.get("type_uid").asLong()).isEqualTo(600399);
    assertThat(allowed.at("/api/operation").asText()).isEqualTo("gateway.request");
    assertThat(allowed.get("message").asText()).isEqualTo("proxied");
    assertThat(allowed.get("severity_id").asInt()).isEqualTo(1);
    assertThat(allowed.has("finding_info")).isFalse();

    JsonNode created = ocsf(event("token.created", Severity.INFO, Outcome.SUCCESS, Map.of(),
        List.of()));
    assertThat(created.get("class_uid").asInt()).isEqualTo(3004);
    assertThat(created.get("category_uid").asInt()).isEqualTo(3);
    assertThat(created.get("type_uid").asLong()).isEqualTo(300401);
    assertThat(created.at("/entity/type").asText()).isEqualTo("API Token");
    assertThat(created.get("status_id").asInt()).isEqualTo(1);
    assertThat(created.get("message").asText())
        .isEqualTo("token.created: success by alice on model:gpt-4o");
    assertThat(created.has("disposition_id")).isFalse();
    assertThat(ocsf(event("token.revoked", Severity.INFO, Outcome.SUCCESS, Map.of(), List.of()))
        .get("type_uid").asLong()).isEqualTo(300404);
    assertThat(ocsf(event("config.changed", Severity.LOW, Outcome.FAILURE, Map.of(), List.of()))
        .get("status_id").asInt()).isEqualTo(2);
  }

  @Test
  void toJsonMatchesWhatIsWrittenAndFormatsParse() {
    Event e = event("a.b", Severity.LOW, Outcome.UNKNOWN, Map.of(), List.of());
    assertThat(EventExport.toJson(ExportFormat.OCSF, e)).containsEntry("class_uid", 6003)
        .containsEntry("status_id", 0);
    assertThat(EventExport.toJson(ExportFormat.JSON_LINES, e)).containsEntry("type", "a.b");
    assertThat(ExportFormat.parse("jsonl")).isEqualTo(ExportFormat.JSON_LINES);
    assertThat(ExportFormat.parse(" OCSF ")).isEqualTo(ExportFormat.OCSF);
    assertThatThrownBy(() -> ExportFormat.parse("csv"))
        .hasMessage("format: csv (expected: jsonl or ocsf)");
  }
}
