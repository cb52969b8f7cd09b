package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.auth.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalog, whoami, config and the error shapes for unroutable and failing requests. */
class ApiEndpointsTest {
  private static TestApi api;
  private static String viewer;

  @BeforeAll
  static void start() {
    Route boom = Route.of("GET", "/api/boom", Access.anyToken(), "always fails", call -> {
      throw new IllegalStateException("secret detail that must stay in the log");
    });
    Route halfStream = Route.of("GET", "/api/half", Access.anyToken(), "breaks mid-stream",
        call -> Reply.stream("text/plain", out -> {
          try {
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 16; i++) {
              out.write(chunk);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new IllegalStateException("database went away");
        }));
    api = new TestApi(b -> b.route(boom).route(halfStream));
    viewer = api.bearer.get(Role.VIEWER);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "''                           | LLM01,ASI01,AML.TA0005,AML.T0051",
      "?framework=atlas             | AML.TA0005,AML.T0051",
      "?framework=owasp-llm         | LLM01",
      "?kind=risk                   | LLM01,ASI01",
      "?framework=atlas&kind=tactic | AML.TA0005"})
  void listsCatalogEntries(String query, String ids) {
    HttpResponse<String> r = api.get("/api/catalog" + query, viewer);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(String.join(",", TestApi.json(r).path("entries").findValuesAsText("id")))
        .isEqualTo(ids);
  }

  @Test
  void catalogFiltersAreValidated() {
    HttpResponse<String> framework = api.get("/api/catalog?framework=nist", viewer);
    HttpResponse<String> kind = api.get("/api/catalog?kind=threat", viewer);

    assertThat(framework.statusCode()).isEqualTo(400);
    assertThat(TestApi.errorMessage(framework)).startsWith("framework: nist (expected:");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(TestApi.errorMessage(kind))
        .isEqualTo("kind: threat (expected: risk, tactic, technique, subtechnique, mitigation)");
  }

  @Test
  void catalogEntryByIdIsCaseInsensitiveAndShowsReferences() {
    JsonNode entry = TestApi.json(api.get("/api/catalog/aml.t0051", viewer));

    assertThat(entry.path("id").asText()).isEqualTo("AML.T0051");
    assertThat(entry.path("framework").asText()).isEqualTo("atlas");
    assertThat(entry.path("kind").asText()).isEqualTo("technique");
    assertThat(entry.path("related").toString()).isEqualTo("[\"AML.TA0005\"]");
    assertThat(entry.path("referenced_by").toString()).isEqualTo("[\"LLM01\",\"ASI01\"]");
  }

  @Test
  void unknownCatalogIdIs404() {
    HttpResponse<String> r = api.get("/api/catalog/LLM99", viewer);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(TestApi.errorMessage(r))
        .isEqualTo("id: LLM99 (expected: a catalog ID such as LLM01 or AML.T0051)");
  }

  @Test
  void whoamiDescribesTheCaller() {
    JsonNode me = TestApi.json(api.get("/api/whoami", api.bearer.get(Role.AUDITOR)));

    assertThat(me.path("name").asText()).isEqualTo("auditor");
    assertThat(me.path("role").asText()).isEqualTo("auditor");
    assertThat(me.path("permissions").toString()).isEqualTo(
        "[\"catalog_read\",\"events_read\",\"events_export\",\"config_read\"]");
    assertThat(me.path("expires_at").isNull()).isTrue();
  }

  @Test
  void configIsTheInjectedRedactedYaml() {
    HttpResponse<String> r = api.get("/api/config", api.bearer.get(Role.AUDITOR));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
    assertThat(r.body()).isEqualTo(TestApi.CONFIG_YAML);
  }

  @Test
  void unknownPublicPathIsJson404() {
    HttpResponse<String> r = api.get("/favicon.ico");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(TestApi.errorMessage(r))
        .isEqualTo("path: /favicon.ico (expected: a route of /api/openapi.json)");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    HttpResponse<String> r = api.send("PUT", "/api/tokens", api.admin(), "{}", "application/json");

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(TestApi.errorCode(r)).isEqualTo("method_not_allowed");
  }

  @Test
  void failingHandlerIsGeneric500() {
    HttpResponse<String> r = api.get("/api/boom", viewer);

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(TestApi.errorCode(r)).isEqualTo("internal");
    assertThat(r.body()).doesNotContain("secret detail");
  }

  @Test
  void streamFailingAfterCommitAbortsTheResponse() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.server.url() + "/api/half"))
        .header("Authorization", "Bearer " + viewer).GET().build();

    assertThatThrownBy(() -> api.send(request)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void jettyLevelErrorsAreJsonToo() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.server.url() + "/healthz"))
        .header("X-Padding", "p".repeat(20_000)).GET().build();

    HttpResponse<String> r = api.send(request);

    assertThat(r.statusCode()).isEqualTo(431);
    assertThat(TestApi.errorCode(r)).isEqualTo("headers_too_large");
  }
}
