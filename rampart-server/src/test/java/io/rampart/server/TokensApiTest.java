package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.auth.Role;
import io.rampart.core.event.Event;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token lifecycle through HTTP: create, use, list, revoke, and the audit events it leaves. */
class TokensApiTest {

  @Test
  void createUseListRevoke() {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> created = api.post("/api/tokens", api.admin(),
          "{\"name\": \"ci-reader\", \"role\": \"viewer\", \"ttl\": \"30d\"}");

      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode body = TestApi.json(created);
      String id = body.path("id").asText();
      String bearer = body.path("token").asText();
      assertThat(bearer).isNotBlank();
      assertThat(body.path("role").asText()).isEqualTo("viewer");
      assertThat(body.path("expires_at").asText()).isEqualTo("2025-07-01T12:00:00Z");
      assertThat(created.headers().firstValue("Location")).hasValue("/api/tokens/" + id);
      assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");

      JsonNode me = TestApi.json(api.get("/api/whoami", bearer));
      assertThat(me.path("id").asText()).isEqualTo(id);
      assertThat(me.path("name").asText()).isEqualTo("ci-reader");
      assertThat(me.path("permissions").toString()).isEqualTo("[\"catalog_read\"]");
      assertThat(api.get("/api/tokens", bearer).statusCode()).isEqualTo(403);

      HttpResponse<String> list = api.get("/api/tokens", api.admin());
      assertThat(list.body()).doesNotContain(bearer);
      assertThat(TestApi.json(list).path("tokens").findValuesAsText("id")).contains(id);

      assertThat(api.delete("/api/tokens/" + id, api.admin()).statusCode()).isEqualTo(204);
      assertThat(api.get("/api/whoami", bearer).statusCode()).isEqualTo(401);
      assertThat(api.delete("/api/tokens/" + id, api.admin()).statusCode()).isEqualTo(204);
      JsonNode listed = TestApi.json(api.get("/api/tokens", api.admin())).path("tokens");
      JsonNode revoked = listed.findParents("id").stream()
          .filter(t -> t.path("id").asText().equals(id)).findFirst().orElseThrow();
      assertThat(revoked.path("active").asBoolean()).isFalse();
      assertThat(revoked.path("revoked_at").asText()).isEqualTo("2025-06-01T12:00:00Z");
    }
  }

  @Test
  void creationAndRevocationAreAuditedWithoutTheBearer() {
    try (TestApi api = new TestApi()) {
      String bearer = TestApi.json(api.post("/api/tokens", api.admin(),
          "{\"name\": \"ops\", \"role\": \"analyst\"}")).path("token").asText();
      String id = api.tokens.verify(bearer).orElseThrow().id();
      api.delete("/api/tokens/" + id, api.admin());
      api.delete("/api/tokens/" + id, api.admin());

      List<Event> events = api.events.all();
      assertThat(events).extracting(Event::type).containsExactly("token.created", "token.revoked");
      assertThat(events).allSatisfy(e -> {
        assertThat(e.principal()).isEqualTo("admin");
        assertThat(e.asset()).isEqualTo("token:" + id);
        assertThat(e.attributes()).containsEntry("token_id", id);
        assertThat(e.toString()).doesNotContain(bearer);
      });
      assertThat(events.getFirst().attributes()).containsEntry("role", "analyst")
          .doesNotContainKey("expires_at");
    }
  }

  @Test
  void brokenEventLogMeansNoTokenIsIssued() {
    try (TestApi api = new TestApi()) {
      api.events.failAppends(true);
      int before = api.tokens.list().size();

      HttpResponse<String> r = api.post("/api/tokens", api.admin(),
          "{\"name\": \"unaudited\", \"role\": \"admin\"}");

      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).doesNotContain("\"token\"");
      assertThat(api.tokens.list()).hasSize(before + 1)
          .filteredOn(t -> t.name().equals("unaudited"))
          .allSatisfy(t -> assertThat(t.revoked()).isPresent());
    }
  }

  @Test
  void revokingAnUnknownTokenIs404() {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> r = api.delete("/api/tokens/tok9999", api.admin());

      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(TestApi.errorMessage(r))
          .isEqualTo("id: tok9999 (expected: the id of an existing token)");
      assertThat(api.events.all()).isEmpty();
    }
  }

  @Test
  void expiredTokensAreRefused() {
    try (TestApi api = new TestApi()) {
      String bearer = TestApi.json(api.post("/api/tokens", api.admin(),
          "{\"name\": \"short\", \"role\": \"viewer\", \"ttl\": \"1h\"}")).path("token").asText();
      assertThat(api.get("/api/whoami", bearer).statusCode()).isEqualTo(200);

      api.clock.advance(Duration.ofHours(1));

      assertThat(api.get("/api/whoami", bearer).statusCode()).isEqualTo(401);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"name\": \"x\", \"role\": \"root\"}       | role: root (expected: admin, analyst,",
      "{\"name\": \"x\", \"role\": \"viewer\", \"ttl\": \"forever\"} | ttl: forever (expected:",
      "{\"name\": \"x\", \"role\": \"viewer\", \"ttl\": 30} | ttl: number (expected: a string",
      "{\"role\": \"viewer\"}                       | name: missing (expected: a token name)",
      "{\"name\": \"\\n\", \"role\": \"viewer\"}    | name:",
      "{\"name\": \"x\", \"role\": \"viewer\", \"scope\": \"all\"} | scope: unknown field (expected:",
      "[1, 2]                                       | body: array (expected: a JSON object)",
      "{\"name\": \"x\", \"role\": \"viewer\"       | body: malformed JSON at line 1, column",
      "{\"name\": \"x\", \"role\": \"viewer\"} {}    | body: malformed JSON at line 1, column"})
  void rejectsBadBodies(String body, String messageStart) {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> r = api.post("/api/tokens", api.admin(), body);

      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(TestApi.errorCode(r)).isEqualTo("bad_request");
      assertThat(TestApi.errorMessage(r)).startsWith(messageStart);
      assertThat(api.tokens.list()).hasSize(Role.values().length);
    }
  }

  @Test
  void emptyBodyAndWrongContentTypeAreRefused() {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> empty = api.send("POST", "/api/tokens", api.admin(), null, null);
      HttpResponse<String> form = api.send("POST", "/api/tokens", api.admin(),
          "name=x&role=viewer", "application/x-www-form-urlencoded");

      assertThat(empty.statusCode()).isEqualTo(400);
      assertThat(TestApi.errorMessage(empty)).isEqualTo("body: empty (expected: a JSON object)");
      assertThat(form.statusCode()).isEqualTo(415);
      assertThat(TestApi.errorCode(form)).isEqualTo("unsupported_media_type");
    }
  }

  @Test
  void oversizeBodyIs413() {
    try (TestApi api = new TestApi()) {
      String huge = "{\"name\": \"" + "x".repeat(ApiServer.DEFAULT_MAX_BODY_BYTES) + "\"}";

      HttpResponse<String> r = api.post("/api/tokens", api.admin(), huge);

      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(TestApi.errorCode(r)).isEqualTo("payload_too_large");
      assertThat(TestApi.errorMessage(r))
          .isEqualTo("body: larger than 1048576 bytes (expected: at most 1048576)");
    }
  }
}
