package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.rampart.core.auth.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the route registry: every /api route refuses missing and garbage tokens with 401,
 * refuses every role lacking its permission with 403, and lets roles holding it through.
 */
class RouteAuthorizationTest {
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
  void onlyProbesAndMetricsArePublic() {
    List<String> publicRoutes = api.server.routes().stream()
        .filter(r -> !r.access().needsToken())
        .map(r -> r.method() + " " + r.path())
        .toList();

    assertThat(publicRoutes)
        .containsExactlyInAnyOrder("GET /healthz", "GET /readyz", "GET /metrics");
    assertThat(api.server.routes()).filteredOn(Route::isApi)
        .allSatisfy(r -> assertThat(r.access().needsToken()).isTrue());
  }

  @TestFactory
  Stream<DynamicTest> everyApiRouteEnforcesTokensAndPermissions() {
    List<Route> apiRoutes = api.server.routes().stream().filter(Route::isApi).toList();
    assertThat(apiRoutes).hasSizeGreaterThanOrEqualTo(10);
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : apiRoutes) {
      String name = route.method() + " " + route.path();
      String permission =
          route.permission().map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("none");
      tests.add(dynamicTest(name + " without token -> 401", () -> {
        HttpResponse<String> r = call(route, null);
        assertUnauthorized(r);
      }));
      tests.add(dynamicTest(name + " with garbage token -> 401", () -> {
        HttpResponse<String> r = call(route, "rmp_garbage_" + "x".repeat(20));
        assertUnauthorized(r);
      }));
      for (Role role : Role.values()) {
        boolean allowed = route.permission().map(role::allows).orElse(true);
        tests.add(dynamicTest(name + " as " + role.id() + " -> " + (allowed ? "passes" : "403"),
            () -> {
              HttpResponse<String> r = call(route, api.bearer.get(role));
              if (allowed) {
                assertThat(r.statusCode()).as(r.body()).isNotIn(401, 403).isLessThan(500);
              } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
                assertThat(TestApi.errorCode(r)).isEqualTo("forbidden");
                assertThat(TestApi.errorMessage(r)).startsWith("permission: " + permission);
              }
            }));
      }
    }
    return tests.stream();
  }

  private static void assertUnauthorized(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Bearer"));
    assertThat(TestApi.errorCode(r)).isEqualTo("unauthorized");
  }

  /** Calls a route with placeholders filled in and an empty JSON object as any body. */
  private static HttpResponse<String> call(Route route, String token) {
    String path = route.path().replaceAll("\\{[^}]+}", "no-such-id");
    boolean hasBody = route.method().equals("POST") || route.method().equals("PUT")
        || route.method().equals("PATCH");
    return api.send(route.method(), path, token, hasBody ? "{}" : null,
        hasBody ? "application/json" : null);
  }
}
