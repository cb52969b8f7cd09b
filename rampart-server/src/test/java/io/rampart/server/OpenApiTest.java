package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.auth.Role;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/openapi.json} needs a token (any role) and describes every registered route. */
class OpenApiTest {
  private static TestApi api;

  @BeforeAll
  static void start() {
    api = new TestApi();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void requiresAToken() {
    assertThat(api.get("/api/openapi.json").statusCode()).isEqualTo(401);
  }

  @Test
  void anyRoleMayReadIt() {
    for (Role role : Role.values()) {
      assertThat(api.get("/api/openapi.json", api.bearer.get(role)).statusCode())
          .as(role.id()).isEqualTo(200);
    }
  }

  @Test
  void describesEveryRouteWithParametersSecurityAndSummary() {
    HttpResponse<String> r = api.get("/api/openapi.json", api.bearer.get(Role.VIEWER));
    JsonNode doc = TestApi.json(r);

    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.path("info").path("version").asText()).isEqualTo("test");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    int operations = 0;
    for (Route route : api.server.routes()) {
      JsonNode op =
          doc.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
      assertThat(op.isObject()).as(route.method() + " " + route.path()).isTrue();
      assertThat(op.path("summary").asText()).isEqualTo(route.summary());
      if (route.isApi()) {
        assertThat(op.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
      } else {
        assertThat(op.path("security").toString()).isEqualTo("[]");
      }
      for (String name : route.pathParams()) {
        assertThat(op.path("parameters").findValuesAsText("name")).contains(name);
      }
      route.permission().ifPresent(p -> assertThat(op.path("x-rampart-permission").asText())
          .isEqualTo(p.name().toLowerCase(Locale.ROOT)));
      operations++;
    }
    assertThat(operations).isEqualTo(api.server.routes().size());
    assertThat(doc.at("/paths/~1api~1tokens~1{id}/delete/parameters/0/in").asText())
        .isEqualTo("path");
  }
}
