package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: method, path template such as {@code /api/tokens/{id}}, who may call it, a
 * one-line summary for the OpenAPI document, the query parameters it accepts (others are
 * rejected with 400) and its handler.
 */
public record Route(
    String method,
    String path,
    Access access,
    String summary,
    List<String> queryParams,
    RouteHandler handler) {

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern SEGMENT =
      Pattern.compile("[A-Za-z0-9._~-]+|\\{([a-z][a-zA-Z0-9_]*)}");
  private static final Pattern QUERY_PARAM = Pattern.compile("[a-z][a-z0-9_-]*");

  public Route {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(access, "access");
    requireNonNull(summary, "summary");
    requireNonNull(handler, "handler");
    queryParams = List.copyOf(queryParams);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "method: " + method + " (expected: GET, POST, PUT, PATCH or DELETE)");
    }
    segmentsOf(path);
    for (String q : queryParams) {
      if (!QUERY_PARAM.matcher(q).matches()) {
        throw new IllegalArgumentException(
            "queryParams: " + q + " (expected: lower-case names such as min-severity)");
      }
    }
    // The API promise is that every /api route needs a bearer token; enforce it at registration.
    if (isApi(path) && !access.needsToken()) {
      throw new IllegalArgumentException(
          "access: public for " + method + " " + path + " (expected: a token for /api routes)");
    }
  }

  /** A route with no query parameters. */
  public static Route of(
      String method, String path, Access access, String summary, RouteHandler handler) {
    return new Route(method, path, access, summary, List.of(), handler);
  }

  /** A copy accepting the given query parameters. */
  public Route withQueryParams(String... names) {
    return new Route(method, path, access, summary, Arrays.asList(names), handler);
  }

  /** Names of the {@code {placeholders}} in the path, in order. */
  public List<String> pathParams() {
    List<String> names = new ArrayList<>();
    for (String segment : segmentsOf(path)) {
      if (segment.startsWith("{")) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }

  /** The permission a caller's role must grant, if any. */
  public Optional<Permission> permission() {
    return access.required();
  }

  /** Whether this route lives under {@code /api} and so needs a bearer token. */
  public boolean isApi() {
    return isApi(path);
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** Splits a template into its segments, validating each. */
  static List<String> segmentsOf(String template) {
    if (!template.startsWith("/") || (template.length() > 1 && template.endsWith("/"))) {
      throw new IllegalArgumentException(
          "path: " + template + " (expected: /segment/{param}, no trailing slash)");
    }
    if (template.equals("/")) {
      return List.of();
    }
    List<String> segments = List.of(template.substring(1).split("/", -1));
    for (String segment : segments) {
      Matcher m = SEGMENT.matcher(segment);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "path: " + template + " (expected: segments of [A-Za-z0-9._~-] or {name})");
      }
    }
    return segments;
  }
}
