package io.rampart.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.core.auth.ApiToken;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a {@link RouteHandler} sees it: the matched route, path and query parameters,
 * the authenticated caller and the (size-limited) body.
 */
public final class Call {
  private final Route route;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Optional<ApiToken> caller;
  private final byte[] body;
  private final ObjectMapper json;

  Call(
      Route route,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      Optional<ApiToken> caller,
      byte[] body,
      ObjectMapper json) {
    this.route = requireNonNull(route, "route");
    this.pathParams = Map.copyOf(pathParams);
    this.query = Map.copyOf(query);
    this.caller = requireNonNull(caller, "caller");
    this.body = body.clone();
    this.json = requireNonNull(json, "json");
  }

  public Route route() {
    return route;
  }

  /** The value bound to {@code {name}} in the route's path template. */
  public String pathParam(String name) {
    String value = pathParams.get(requireNonNull(name, "name"));
    if (value == null) {
      throw new IllegalArgumentException(
          "name: " + name + " (expected: one of " + route.pathParams() + ")");
    }
    return value;
  }

  /** Every value of query parameter {@code name}, in request order; empty when absent. */
  public List<String> queryValues(String name) {
    return query.getOrDefault(requireNonNull(name, "name"), List.of());
  }

  /** The single value of query parameter {@code name}; 400 when given more than once. */
  public Optional<String> queryParam(String name) {
    List<String> values = queryValues(name);
    if (values.size() > 1) {
      throw ApiException.badRequest(
          name + ": given " + values.size() + " times (expected: at most once)");
    }
    return values.stream().findFirst();
  }

  /** The authenticated caller; empty only on public routes. */
  public Optional<ApiToken> caller() {
    return caller;
  }

  /** The authenticated caller, for routes that require a token. */
  public ApiToken requireCaller() {
    return caller.orElseThrow(
        () -> new IllegalStateException(
            "route: " + route.path() + " (expected: a route that requires a token)"));
  }

  /** The body parsed as a JSON object; 400 naming the problem when it is not one. */
  public ObjectNode jsonObject() {
    if (body.length == 0) {
      throw ApiException.badRequest("body: empty (expected: a JSON object)");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      // the location is enough to fix the request; echoing the parser message could echo input
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiException.badRequest("body: malformed JSON" + where + " (expected: a JSON object)");
    } catch (IOException e) {
      throw ApiException.badRequest("body: unreadable (expected: a JSON object)");
    }
    if (node == null || !node.isObject()) {
      String type = node == null ? "empty" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      throw ApiException.badRequest("body: " + type + " (expected: a JSON object)");
    }
    return (ObjectNode) node;
  }
}
