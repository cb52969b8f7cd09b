package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rampart.core.auth.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Authentication fails closed and never leaks the presented token. */
class AuthFailClosedTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  @Test
  void throwingTokenStoreDeniesEveryApiRouteWithoutLoggingTheToken() {
    try (TestApi api = new TestApi()) {
      String bearer = api.admin();
      api.tokens.failWith(new IllegalStateException("pool exhausted while checking " + bearer));

      for (Route route : api.server.routes().stream().filter(Route::isApi).toList()) {
        String path = route.path().replaceAll("\\{[^}]+}", "x");
        HttpResponse<String> r = api.send(route.method(), path, bearer,
            route.method().equals("POST") ? "{\"name\":\"n\",\"role\":\"admin\"}" : null,
            route.method().equals("POST") ? "application/json" : null);

        assertThat(r.statusCode()).as(route.method() + " " + path).isEqualTo(503);
        assertThat(TestApi.errorCode(r)).isEqualTo("unavailable");
      }
      assertThat(api.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(api.events.all()).isEmpty();
      assertThat(logs.list).isNotEmpty().allSatisfy(e -> {
        assertThat(e.getFormattedMessage()).doesNotContain(bearer);
        assertThat(e.getThrowableProxy()).isNull();
      });
      assertThat(logs.list).anySatisfy(
          e -> assertThat(e.getFormattedMessage()).contains("token store failed"));
    }
  }

  @Test
  void storeReturningAnExpiredTokenIsOverruledByTheServerClock() {
    try (TestApi api = new TestApi()) {
      String bearer =
          api.tokens.create("brief", Role.ADMIN, Duration.ofMinutes(5)).bearer().reveal();
      api.tokens.ignoreExpiry(true);
      api.clock.advance(Duration.ofMinutes(6));

      HttpResponse<String> r = api.get("/api/whoami", bearer);

      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(TestApi.errorMessage(r))
          .isEqualTo("token: invalid, expired or revoked (expected: an active API token)");
    }
  }

  @Test
  void malformedAuthorizationHeadersAre401WithoutEchoingThem() {
    try (TestApi api = new TestApi()) {
      String longToken = "a".repeat(600);
      String[][] cases = {
          {"Basic YWRtaW46YWRtaW4=", "YWRtaW46YWRtaW4="},
          {"Bearer", "no token"},
          {"Bearer    ", "no token"},
          {"Bearer " + longToken, longToken},
          {api.admin(), api.admin()}};
      for (String[] c : cases) {
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(whoami(api))
            .header("Authorization", c[0]).GET().build());

        assertThat(r.statusCode()).as(c[1].substring(0, Math.min(20, c[1].length())))
            .isEqualTo(401);
        assertThat(r.body()).doesNotContain(c[1]);
      }
    }
  }

  private static URI whoami(TestApi api) {
    return URI.create(api.server.url() + "/api/whoami");
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> r = api.send(HttpRequest.newBuilder(whoami(api))
          .header("Authorization", "bearer " + api.admin()).GET().build());

      assertThat(r.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unknownApiPathsAndMethodsRevealNothingWithoutAToken() {
    try (TestApi api = new TestApi()) {
      assertThat(api.get("/api/secret-admin-panel").statusCode()).isEqualTo(401);
      assertThat(api.send("PUT", "/api/tokens", null, null, null).statusCode()).isEqualTo(401);

      HttpResponse<String> missing = api.get("/api/secret-admin-panel", api.admin());
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(TestApi.errorCode(missing)).isEqualTo("not_found");
    }
  }
}
