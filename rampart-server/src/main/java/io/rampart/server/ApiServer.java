package io.rampart.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rampart.core.auth.ApiTokenStore;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.config.ServerConfig;
import io.rampart.core.event.EventLog;
import io.rampart.core.inventory.InventoryStore;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rampart's HTTP API server: Jetty 12 on virtual threads, HTTP/1.1, JSON. Services are
 * injected through {@link #builder()}; the server owns only its listener, so {@link #close()}
 * leaves the event log, token store and registry to whoever created them.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** Default request body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final ServerConfig config;
  private final List<Route> routes;
  private final Server jetty;
  private final ServerConnector connector;
  private boolean started;
  private boolean closed;

  private ApiServer(Builder b) {
    this.config = b.config;
    // trailing tokens would let '{...} {...}' through as its first object
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    List<Route> all = new ArrayList<>();
    // memoized lazily: the document describes the full table, which includes its own route
    Supplier<Map<String, Object>> openApi = new Supplier<>() {
      private @Nullable Map<String, Object> doc;

      @Override
      public synchronized Map<String, Object> get() {
        if (doc == null) {
          doc = OpenApi.document(all, b.version);
        }
        return doc;
      }
    };
    all.addAll(new SystemRoutes(b.readiness, b.meters, b.configView, openApi).routes());
    all.addAll(new EventRoutes(b.eventLog, b.exporter).routes());
    all.addAll(new CatalogRoutes(b.catalog).routes());
    all.addAll(new TokenRoutes(b.tokens, b.eventLog, b.clock).routes());
    all.addAll(new InventoryRoutes(b.inventory, b.launcher).routes());
    all.addAll(b.extraRoutes);
    Router router = new Router(all);
    this.routes = router.routes();

    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName("rampart-http");
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    jetty.addConnector(connector);
    jetty.setHandler(new ApiHandler(
        router, new BearerAuth(b.tokens, b.clock), json, b.meters, b.maxBodyBytes));
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setStopTimeout(5_000);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving. Throws {@link ServerStartException} when the port is
   * taken or the host cannot be bound.
   */
  public synchronized ApiServer start() {
    if (started || closed) {
      throw new IllegalStateException(
          "server: " + (closed ? "closed" : "started") + " (expected: a new server)");
    }
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly();
      closed = true;
      if (hasCause(e, BindException.class)) {
        throw new ServerStartException("server.port: " + config.port()
            + ": already in use (expected: a free port, or 0 for any)", e);
      }
      throw new ServerStartException("server: cannot listen on " + config.host() + ":"
          + config.port() + " (expected: a local address and a free port)", e);
    }
    started = true;
    LOG.info("API listening on {}", url());
    return this;
  }

  /** The bound port: the configured one, or the one picked when the configuration says 0. */
  public synchronized int port() {
    if (!started || closed) {
      throw new IllegalStateException("server: not running (expected: start() first)");
    }
    return connector.getLocalPort();
  }

  /** Base URL for clients, such as {@code http://127.0.0.1:8787}. */
  public URI url() {
    String host = config.host();
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1"; // wildcard binds are reachable on loopback
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** Every registered route, in registration order; tests walk it to check authorization. */
  public List<Route> routes() {
    return routes;
  }

  /** Stops listening, letting in-flight requests finish for up to five seconds. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the API server failed", e);
    }
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Configures an {@link ApiServer}. Required: config, eventLog, tokens, catalog, configView.
   * Defaults: a fresh Prometheus registry, the UTC system clock, no readiness checks, the
   * built-in JSON Lines exporter, a 1 MiB body limit, an empty inventory and no schedules.
   */
  public static final class Builder {
    private @Nullable ServerConfig config;
    private @Nullable EventLog eventLog;
    private @Nullable ApiTokenStore tokens;
    private @Nullable RiskCatalog catalog;
    private @Nullable Supplier<String> configView;
    private @Nullable PrometheusMeterRegistry meters;
    private Clock clock = Clock.systemUTC();
    private EventExporter exporter = EventExporter.jsonl();
    private final List<ReadinessCheck> readiness = new ArrayList<>();
    private final List<Route> extraRoutes = new ArrayList<>();
    private InventoryStore inventory = new EmptyInventory();
    private AssessmentLauncher launcher = AssessmentLauncher.none();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private String version = "dev";

    private Builder() {}

    public Builder config(ServerConfig config) {
      this.config = requireNonNull(config, "config");
      return this;
    }

    public Builder eventLog(EventLog eventLog) {
      this.eventLog = requireNonNull(eventLog, "eventLog");
      return this;
    }

    public Builder tokens(ApiTokenStore tokens) {
      this.tokens = requireNonNull(tokens, "tokens");
      return this;
    }

    public Builder catalog(RiskCatalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /** Served by {@code GET /api/config}; must already have secrets redacted. */
    public Builder configView(Supplier<String> redactedYaml) {
      this.configView = requireNonNull(redactedYaml, "redactedYaml");
      return this;
    }

    public Builder meterRegistry(PrometheusMeterRegistry meters) {
      this.meters = requireNonNull(meters, "meters");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Adds a readiness check; {@code /readyz} answers 503 while any fails or throws. */
    public Builder readiness(String name, BooleanSupplier check) {
      return readiness(new ReadinessCheck(name, check));
    }

    public Builder readiness(ReadinessCheck check) {
      readiness.add(requireNonNull(check, "check"));
      return this;
    }

    /** The stored inventory behind /api/assets, /api/findings, /api/assessments. */
    public Builder inventory(InventoryStore inventory) {
      this.inventory = requireNonNull(inventory, "inventory");
      return this;
    }

    /** Runs configured schedules for POST /api/assessments; default: none configured. */
    public Builder launcher(AssessmentLauncher launcher) {
      this.launcher = requireNonNull(launcher, "launcher");
      return this;
    }

    public Builder exporter(EventExporter exporter) {
      this.exporter = requireNonNull(exporter, "exporter");
      return this;
    }

    /** Registers a route beyond the built-in ones; /api routes must require a token. */
    public Builder route(Route route) {
      extraRoutes.add(requireNonNull(route, "route"));
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1024 || maxBodyBytes > 64 << 20) {
        throw new IllegalArgumentException(
            "maxBodyBytes: " + maxBodyBytes + " (expected: 1024..67108864)");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The version published in the OpenAPI document. */
    public Builder version(String version) {
      this.version = requireNonNull(version, "version");
      return this;
    }

    /** Validates the configuration; call {@link ApiServer#start()} to listen. */
    public ApiServer build() {
      require(config, "config");
      require(eventLog, "eventLog");
      require(tokens, "tokens");
      require(catalog, "catalog");
      require(configView, "configView");
      if (meters == null) {
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      }
      return new ApiServer(this);
    }

    private static void require(@Nullable Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(
            name + ": missing (expected: ApiServer.builder()." + name + "(...))");
      }
    }
  }
}
