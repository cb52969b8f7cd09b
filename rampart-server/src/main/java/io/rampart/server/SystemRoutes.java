package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rampart.core.auth.ApiToken;
import io.rampart.core.auth.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operational endpoints: liveness, readiness and metrics (public, for probes and scrapers), and
 * the authenticated whoami, OpenAPI document and redacted configuration.
 */
final class SystemRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SystemRoutes.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final List<ReadinessCheck> checks;
  private final PrometheusMeterRegistry meters;
  private final Supplier<String> configView;
  private final Supplier<Map<String, Object>> openApi;

  SystemRoutes(List<ReadinessCheck> checks, PrometheusMeterRegistry meters,
      Supplier<String> configView, Supplier<Map<String, Object>> openApi) {
    this.checks = List.copyOf(checks);
    this.meters = requireNonNull(meters, "meters");
    this.configView = requireNonNull(configView, "configView");
    this.openApi = requireNonNull(openApi, "openApi");
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/healthz", Access.open(), "Liveness: the process serves requests",
            call -> Reply.json(Map.of("status", "ok"))),
        Route.of("GET", "/readyz", Access.open(),
            "Readiness: every dependency check passes", call -> ready()),
        Route.of("GET", "/metrics", Access.open(), "Prometheus metrics",
            call -> Reply.text(200, PROMETHEUS_TEXT, meters.scrape())),
        // any valid token: the route table is not secret, but /api/** is authenticated throughout
        Route.of("GET", "/api/openapi.json", Access.anyToken(),
            "OpenAPI 3.1 description of this API",
            call -> Reply.json(openApi.get())),
        Route.of("GET", "/api/whoami", Access.anyToken(),
            "The calling token: id, name, role and permissions", SystemRoutes::whoami),
        Route.of("GET", "/api/config", Access.permission(Permission.CONFIG_READ),
            "The effective configuration as YAML, secrets redacted",
            call -> Reply.text(200, "application/yaml; charset=utf-8", configView.get())));
  }

  private Reply ready() {
    Map<String, String> results = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      boolean ok;
      try {
        ok = check.check().getAsBoolean();
      } catch (RuntimeException e) {
        // a check that cannot tell is a failing check; the cause goes to the log, not the probe
        LOG.warn("readiness check {} threw {}", check.name(), e.toString());
        ok = false;
      }
      results.put(check.name(), ok ? "ok" : "failed");
      if (!ok) {
        failed.add(check.name());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", failed.isEmpty() ? "ready" : "not_ready");
    body.put("checks", results);
    body.put("failed", failed);
    return Reply.json(failed.isEmpty() ? 200 : 503, body);
  }

  private static Reply whoami(Call call) {
    ApiToken me = call.requireCaller();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", me.id());
    body.put("name", me.name());
    body.put("role", me.role().id());
    body.put("permissions", me.role().permissions().stream()
        .sorted()
        .map(p -> p.name().toLowerCase(Locale.ROOT))
        .toList());
    body.put("expires_at", me.expires().map(Object::toString).orElse(null));
    return Reply.json(body);
  }
}
