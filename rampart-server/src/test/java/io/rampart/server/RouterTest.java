package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.auth.Permission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final RouteHandler OK = call -> Reply.noContent();
  private static final Access READ = Access.permission(Permission.CATALOG_READ);

  private final Router router = new Router(List.of(
      Route.of("GET", "/api/items", READ, "list", OK),
      Route.of("GET", "/api/items/{id}", READ, "one", OK),
      Route.of("DELETE", "/api/items/{id}", READ, "delete", OK),
      Route.of("GET", "/api/items/export", READ, "export", OK),
      Route.of("GET", "/healthz", Access.open(), "health", OK)));

  @Test
  void bindsPathParameters() {
    assertThat(router.match("GET", "/api/items/LLM01"))
        .isInstanceOfSatisfying(Router.Found.class, f -> {
          assertThat(f.route().path()).isEqualTo("/api/items/{id}");
          assertThat(f.params()).isEqualTo(Map.of("id", "LLM01"));
        });
  }

  @Test
  void literalSegmentsWinOverPlaceholders() {
    assertThat(router.match("GET", "/api/items/export"))
        .isInstanceOfSatisfying(Router.Found.class,
            f -> assertThat(f.route().path()).isEqualTo("/api/items/export"));
  }

  @Test
  void wrongMethodListsAllowedOnes() {
    assertThat(router.match("POST", "/api/items/7"))
        .isEqualTo(new Router.WrongMethod("DELETE, GET"));
  }

  @Test
  void unknownTrailingSlashAndEmptyParameterAreNotFound() {
    assertThat(router.match("GET", "/api/nothing")).isInstanceOf(Router.NotFound.class);
    assertThat(router.match("GET", "/api/items/")).isInstanceOf(Router.NotFound.class);
    assertThat(router.match("GET", "/healthz/")).isInstanceOf(Router.NotFound.class);
    assertThat(router.match("GET", "relative")).isInstanceOf(Router.NotFound.class);
  }

  @Test
  void rejectsRoutesThatClash() {
    assertThatThrownBy(() -> new Router(List.of(
            Route.of("GET", "/api/items/{id}", READ, "a", OK),
            Route.of("GET", "/api/items/{name}", READ, "b", OK))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route: GET /api/items/{name}"
            + " (expected: unique, but clashes with /api/items/{id})");
  }

  @Test
  void apiRoutesCannotBePublic() {
    assertThatThrownBy(() -> Route.of("GET", "/api/open", Access.open(), "x", OK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("access: public for GET /api/open (expected: a token for /api routes)");
  }

  @Test
  void rejectsMalformedTemplatesMethodsAndQueryNames() {
    assertThatThrownBy(() -> Route.of("GET", "/api/x/", READ, "x", OK))
        .hasMessageStartingWith("path: /api/x/ (expected:");
    assertThatThrownBy(() -> Route.of("GET", "/api/{Bad-Name}", READ, "x", OK))
        .hasMessageStartingWith("path: /api/{Bad-Name} (expected:");
    assertThatThrownBy(() -> Route.of("TRACE", "/api/x", READ, "x", OK))
        .hasMessageStartingWith("method: TRACE (expected:");
    assertThatThrownBy(() -> Route.of("GET", "/api/x", READ, "x", OK).withQueryParams("Bad"))
        .hasMessageStartingWith("queryParams: Bad (expected:");
  }

  @Test
  void describesItsParametersAndPermission() {
    Route route = Route.of("DELETE", "/api/a/{first}/b/{second}", READ, "x", OK);

    assertThat(route.pathParams()).containsExactly("first", "second");
    assertThat(route.permission()).contains(Permission.CATALOG_READ);
    assertThat(route.isApi()).isTrue();
    assertThat(Access.anyToken().required()).isEmpty();
  }
}
