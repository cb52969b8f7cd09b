package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model gateway ({@code gateway:} in rampart.yaml). Disabled unless {@code enabled}.
 *
 * @param enabled whether {@code rampart serve} starts the gateway listener
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one
 * @param maxInFlight requests handled at once; more are shed with 503
 * @param connectTimeout to open a connection to an upstream
 * @param upstreamTimeout for a whole non-streamed upstream exchange, and the idle limit of a
 *     streamed one
 * @param detectorTimeout longest time DLP and guard may take on one request; past it the
 *     request is treated as a detector failure (blocked unless the route fails open)
 * @param http2 also speak HTTP/2: h2c on a plain listener, h2 through ALPN with TLS
 * @param tls TLS on the listener; empty for plain HTTP
 * @param oidc accept OIDC/JWT bearer tokens besides API keys; empty for API keys only
 * @param routes matched by longest path prefix
 * @param apiKeys the callers
 * @param guardModel whether the guard's model tier (MiniLM) decides inputs its fast tier is
 *     unsure of, and every prompt over 600 characters; false keeps the guard on its fast tier
 *     only (lower recall on unsure inputs, far less CPU: see docs/BENCHMARKS.md, Gateway). Read
 *     when the process starts ({@code guard-model: enabled | disabled})
 */
public record GatewayConfig(
    boolean enabled,
    String host,
    int port,
    int maxInFlight,
    Duration connectTimeout,
    Duration upstreamTimeout,
    Duration detectorTimeout,
    boolean http2,
    java.util.Optional<TlsConfig> tls,
    java.util.Optional<OidcConfig> oidc,
    List<RouteConfig> routes,
    List<ApiKeyConfig> apiKeys,
    boolean guardModel) {

  public static final GatewayConfig DEFAULT =
      new GatewayConfig(false, "127.0.0.1", 8788, 1024, Duration.ofSeconds(5),
          Duration.ofSeconds(120), Duration.ofSeconds(2), true, java.util.Optional.empty(),
          java.util.Optional.empty(), List.of(), List.of(), true);

  public GatewayConfig {
    requireNonNull(host, "host");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(upstreamTimeout, "upstreamTimeout");
    requireNonNull(detectorTimeout, "detectorTimeout");
    requireNonNull(tls, "tls");
    requireNonNull(oidc, "oidc");
    routes = List.copyOf(routes);
    apiKeys = List.copyOf(apiKeys);
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: \"\" (expected: a host name or IP address)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max-in-flight: " + maxInFlight + " (expected: 1 or more)");
    }
    positive("connect-timeout", connectTimeout);
    positive("upstream-timeout", upstreamTimeout);
    positive("detector-timeout", detectorTimeout);
    Set<String> names = new HashSet<>();
    for (RouteConfig r : routes) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("routes: " + r.name() + " (expected: unique names)");
      }
    }
    for (ApiKeyConfig k : apiKeys) {
      for (String route : k.routes()) {
        if (!names.contains(route)) {
          throw new IllegalArgumentException(
              "api-keys: " + route + " (expected: one of the route names " + names + ")");
        }
      }
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + ": " + d + " (expected: more than 0)");
    }
  }

  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This config with {@code routes} instead of its own. */
  public GatewayConfig withRoutes(List<RouteConfig> routes) {
    return new GatewayConfig(enabled, host, port, maxInFlight, connectTimeout, upstreamTimeout,
        detectorTimeout, http2, tls, oidc, routes, apiKeys, guardModel);
  }

  /** Builds a {@link GatewayConfig}; setters validate eagerly where they can. */
  public static final class Builder {
    private boolean enabled;
    private String host;
    private int port;
    private int maxInFlight;
    private Duration connectTimeout;
    private Duration upstreamTimeout;
    private Duration detectorTimeout;
    private boolean http2;
    private java.util.Optional<TlsConfig> tls;
    private java.util.Optional<OidcConfig> oidc;
    private final List<RouteConfig> routes;
    private final List<ApiKeyConfig> apiKeys;
    private boolean guardModel;

    private Builder(GatewayConfig from) {
      guardModel = from.guardModel;
      enabled = from.enabled;
      host = from.host;
      port = from.port;
      maxInFlight = from.maxInFlight;
      connectTimeout = from.connectTimeout;
      upstreamTimeout = from.upstreamTimeout;
      detectorTimeout = from.detectorTimeout;
      http2 = from.http2;
      tls = from.tls;
      oidc = from.oidc;
      routes = new ArrayList<>(from.routes);
      apiKeys = new ArrayList<>(from.apiKeys);
    }

    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    public Builder host(String v) {
      host = requireNonNull(v, "host");
      return this;
    }

    public Builder port(int v) {
      if (v < 0 || v > 65535) {
        throw new IllegalArgumentException("port: " + v + " (expected: 0..65535)");
      }
      port = v;
      return this;
    }

    public Builder maxInFlight(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("max-in-flight: " + v + " (expected: 1 or more)");
      }
      maxInFlight = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      positive("connect-timeout", requireNonNull(v, "connectTimeout"));
      connectTimeout = v;
      return this;
    }

    public Builder upstreamTimeout(Duration v) {
      positive("upstream-timeout", requireNonNull(v, "upstreamTimeout"));
      upstreamTimeout = v;
      return this;
    }

    public Builder detectorTimeout(Duration v) {
      positive("detector-timeout", requireNonNull(v, "detectorTimeout"));
      detectorTimeout = v;
      return this;
    }

    public Builder guardModel(boolean v) {
      guardModel = v;
      return this;
    }

    public Builder http2(boolean v) {
      http2 = v;
      return this;
    }

    public Builder tls(TlsConfig v) {
      tls = java.util.Optional.of(v);
      return this;
    }

    public Builder oidc(OidcConfig v) {
      oidc = java.util.Optional.of(v);
      return this;
    }

    public Builder route(RouteConfig v) {
      routes.add(requireNonNull(v, "route"));
      return this;
    }

    public Builder apiKey(ApiKeyConfig v) {
      apiKeys.add(requireNonNull(v, "apiKey"));
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(enabled, host, port, maxInFlight, connectTimeout, upstreamTimeout,
          detectorTimeout, http2, tls, oidc, routes, apiKeys, guardModel);
    }
  }
}
