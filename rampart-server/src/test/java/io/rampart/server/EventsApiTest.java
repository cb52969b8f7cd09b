package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.auth.Role;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/events}: filters, pagination and parameter errors, through HTTP. */
class EventsApiTest {
  private static TestApi api;
  private static String analyst;

  /** Seven events, one minute apart from 12:00Z: e1 (oldest) .. e7 (newest). */
  @BeforeAll
  static void seed() {
    api = new TestApi();
    analyst = api.bearer.get(Role.ANALYST);
    append("gateway.request", Severity.INFO, "alice");
    append("gateway.request", Severity.LOW, "bob");
    append("scan.finding", Severity.HIGH, "alice");
    append("scan.finding", Severity.MEDIUM, "carol");
    append("policy.decision", Severity.CRITICAL, "bob");
    append("gateway.request", Severity.HIGH, "alice");
    append("policy.decision", Severity.INFO, "carol");
  }

  private static void append(String type, Severity severity, String principal) {
    api.events.append(EventDraft.builder(type).severity(severity).principal(principal)
        .outcome(Outcome.DETECTED).attribute("n", 1).reference("LLM01").build());
    api.clock.advance(Duration.ofMinutes(1));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> ids(String query) {
    HttpResponse<String> r = api.get("/api/events" + query, analyst);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    TestApi.json(r).path("events").forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  @Test
  void returnsNewestFirstInTheApiShape() {
    HttpResponse<String> r = api.get("/api/events?limit=1", analyst);
    JsonNode event = TestApi.json(r).path("events").get(0);

    assertThat(event.path("id").asText()).isEqualTo("e00000007");
    assertThat(event.path("time").asText()).isEqualTo("2025-06-01T12:06:00Z");
    assertThat(event.path("type").asText()).isEqualTo("policy.decision");
    assertThat(event.path("severity").asText()).isEqualTo("info");
    assertThat(event.path("outcome").asText()).isEqualTo("detected");
    assertThat(event.path("principal").asText()).isEqualTo("carol");
    assertThat(event.path("attributes").path("n").asInt()).isEqualTo(1);
    assertThat(event.path("references").get(0).asText()).isEqualTo("LLM01");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "?type=scan.finding                          | e00000004,e00000003",
      "?type=scan.finding&type=policy.decision     | e00000007,e00000005,e00000004,e00000003",
      "?type=scan.finding,policy.decision          | e00000007,e00000005,e00000004,e00000003",
      "?severity=high                              | e00000006,e00000003",
      "?severity=info,critical                     | e00000007,e00000005,e00000001",
      "?min-severity=high                          | e00000006,e00000005,e00000003",
      "?principal=alice                            | e00000006,e00000003,e00000001",
      "?from=2025-06-01T12:04:00Z                  | e00000007,e00000006,e00000005",
      "?to=2025-06-01T12:02:00Z                    | e00000002,e00000001",
      "?from=2025-06-01T13:01:00%2B01:00&to=2025-06-01T12:03:00Z | e00000003,e00000002",
      "?type=gateway.request&min-severity=low&principal=alice | e00000006",
      "?from=2025-06-02                            | ''"})
  void filters(String query, String expected) {
    assertThat(String.join(",", ids(query))).isEqualTo(expected);
  }

  @Test
  void pagesThroughEverythingWithCursors() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String query = "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode body = TestApi.json(api.get("/api/events" + query, analyst));
      body.path("events").forEach(e -> seen.add(e.path("id").asText()));
      cursor = body.path("next_cursor").isNull() ? null : body.path("next_cursor").asText();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("e00000007", "e00000006", "e00000005", "e00000004",
        "e00000003", "e00000002", "e00000001");
  }

  @Test
  void lastPageHasNullCursor() {
    JsonNode body = TestApi.json(api.get("/api/events?limit=1000", analyst));

    assertThat(body.has("next_cursor")).isTrue();
    assertThat(body.path("next_cursor").isNull()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "?limit=0                 | limit: 0 (expected: an integer 1..1000)",
      "?limit=abc               | limit: abc (expected: an integer 1..1000)",
      "?limit=1001              | limit: 1001 (expected: an integer 1..1000)",
      "?severity=urgent         | severity: urgent (expected: info, low, medium, high or critical)",
      "?min-severity=extreme    | min-severity: extreme (expected: info, low, medium, high",
      "?from=yesterday          | from: yesterday (expected: ISO-8601",
      "?to=2025-13-01           | to: 2025-13-01 (expected: ISO-8601",
      "?from=2025-06-02&to=2025-06-01 | from: 2025-06-02T00:00:00Z (expected: before to",
      "?type=Not%20A%20Type     | type: Not A Type (expected:",
      "?principal=a&principal=b | principal: given 2 times (expected: at most once)",
      "?cursor=bogus            | cursor: bogus (expected:",
      "?min_severity=high       | min_severity: unknown parameter (expected: one of type,",
      "?format=jsonl            | format: unknown parameter (expected:"})
  void rejectsBadParametersNamingThem(String query, String messageStart) {
    HttpResponse<String> r = api.get("/api/events" + query, analyst);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestApi.errorCode(r)).isEqualTo("bad_request");
    assertThat(TestApi.errorMessage(r)).startsWith(messageStart);
  }
}
