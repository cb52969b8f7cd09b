package io.rampart.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the OpenAPI 3.1 document from the route registry, so the published description can
 * never drift from what the server actually routes.
 */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(List<Route> routes, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      item.put(route.method().toLowerCase(Locale.ROOT), operation(route));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", Map.of(
        "title", "Rampart API",
        "version", version,
        "description", "Every /api route needs Authorization: Bearer <token>; "
            + "x-rampart-permission names the permission the token's role must grant."));
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
        "schemas", Map.of("Error", errorSchema())));
    return doc;
  }

  private static Map<String, Object> operation(Route route) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId(route));
    op.put("summary", route.summary());
    List<Map<String, Object>> parameters = new ArrayList<>();
    for (String name : route.pathParams()) {
      parameters.add(parameter(name, "path", true));
    }
    for (String name : route.queryParams()) {
      parameters.add(parameter(name, "query", false));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (route.method().equals("POST")) {
      op.put("requestBody", Map.of("required", true,
          "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
    }
    // an empty list overrides any default: public routes need no token
    op.put("security",
        route.access().needsToken() ? List.of(Map.of("bearer", List.of())) : List.of());
    route.permission().ifPresent(
        p -> op.put("x-rampart-permission", p.name().toLowerCase(Locale.ROOT)));
    op.put("responses", responses(route));
    return op;
  }

  private static Map<String, Object> parameter(String name, String in, boolean required) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", in);
    p.put("required", required);
    p.put("schema", Map.of("type", "string"));
    return p;
  }

  private static Map<String, Object> responses(Route route) {
    Map<String, Object> error = Map.of("description", "Error",
        "content", Map.of("application/json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    Map<String, Object> responses = new LinkedHashMap<>();
    String ok = switch (route.method()) {
      case "POST" -> "201";
      case "DELETE" -> "204";
      default -> "200";
    };
    responses.put(ok, Map.of("description", "Success"));
    responses.put("400", error);
    if (route.access().needsToken()) {
      responses.put("401", error);
    }
    if (route.permission().isPresent()) {
      responses.put("403", error);
    }
    if (!route.pathParams().isEmpty()) {
      responses.put("404", error);
    }
    return responses;
  }

  private static String operationId(Route route) {
    StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
    for (String segment : route.path().split("[/.{}_-]+")) {
      if (!segment.isEmpty()) {
        id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
      }
    }
    return id.toString();
  }

  private static Map<String, Object> errorSchema() {
    Map<String, Object> detail = Map.of("type", "object",
        "required", List.of("code", "message"),
        "properties",
        Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string")));
    return Map.of("type", "object", "required", List.of("error"),
        "properties", Map.of("error", detail));
  }
}
