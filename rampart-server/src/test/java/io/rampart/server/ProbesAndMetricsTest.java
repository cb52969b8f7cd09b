package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.auth.Role;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProbesAndMetricsTest {

  @Test
  void healthzIsPublicAndOk() {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> r = api.get("/healthz");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(TestApi.json(r).path("status").asText()).isEqualTo("ok");
    }
  }

  @Test
  void readyzIs200WhenEveryCheckPasses() {
    try (TestApi api =
        new TestApi(b -> b.readiness("db", () -> true).readiness("catalog", () -> true))) {
      HttpResponse<String> r = api.get("/readyz");

      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = TestApi.json(r);
      assertThat(body.path("status").asText()).isEqualTo("ready");
      assertThat(body.path("checks").path("db").asText()).isEqualTo("ok");
      assertThat(body.path("failed")).isEmpty();
    }
  }

  @Test
  void readyzIs503NamingFailingAndThrowingChecks() {
    AtomicBoolean dbUp = new AtomicBoolean(false);
    try (TestApi api = new TestApi(b -> b
        .readiness("db", dbUp::get)
        .readiness("catalog", () -> true)
        .readiness("broker", () -> {
          throw new IllegalStateException("broker: unreachable (expected: a running broker)");
        }))) {
      HttpResponse<String> down = api.get("/readyz");

      assertThat(down.statusCode()).isEqualTo(503);
      JsonNode body = TestApi.json(down);
      assertThat(body.path("status").asText()).isEqualTo("not_ready");
      assertThat(body.path("failed").toString()).isEqualTo("[\"db\",\"broker\"]");
      assertThat(body.path("checks").path("catalog").asText()).isEqualTo("ok");
      assertThat(down.body()).doesNotContain("unreachable");

      dbUp.set(true);
      assertThat(TestApi.json(api.get("/readyz")).path("failed").toString())
          .isEqualTo("[\"broker\"]");
    }
  }

  @Test
  void metricsArePrometheusTextTaggedByRouteTemplate() {
    try (TestApi api = new TestApi()) {
      String viewer = api.bearer.get(Role.VIEWER);
      api.get("/api/catalog/LLM01", viewer);
      api.get("/api/catalog/AML.T0051", viewer);
      api.get("/api/catalog/unknown-id", viewer);
      api.get("/no/such/page");

      HttpResponse<String> r = api.get("/metrics");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
      assertThat(r.body())
          .contains("rampart_http_server_requests_seconds_count{method=\"GET\","
              + "route=\"/api/catalog/{id}\",status=\"200\"} 2")
          .contains("route=\"/api/catalog/{id}\",status=\"404\"} 1")
          .contains("route=\"unmatched\",status=\"404\"} 1")
          .doesNotContain("LLM01")
          .doesNotContain("/no/such/page");
    }
  }

  @Test
  void requestsRunOnVirtualThreads() {
    Route probe = Route.of("GET", "/api/thread", Access.anyToken(), "which thread",
        call -> Reply.json(java.util.Map.of("virtual", Thread.currentThread().isVirtual())));
    try (TestApi api = new TestApi(b -> b.route(probe))) {
      HttpResponse<String> r = api.get("/api/thread", api.admin());

      assertThat(TestApi.json(r).path("virtual").asBoolean()).isTrue();
    }
  }
}
