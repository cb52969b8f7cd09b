package io.rampart.server.app;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rampart.core.Secret;
import io.rampart.core.auth.IssuedToken;
import io.rampart.core.auth.Role;
import io.rampart.core.auth.TokenEvents;
import io.rampart.core.config.ConfigPrinter;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventQuery;
import io.rampart.dlp.DlpEngine;
import io.rampart.gateway.GatewayConfig;
import io.rampart.gateway.GatewaySection;
import io.rampart.gateway.GatewayServer;
import io.rampart.gateway.GatewayServices;
import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.GuardEngines;
import io.rampart.mcp.JdbcToolPinStore;
import io.rampart.mcp.gateway.McpGatewayConfig;
import io.rampart.mcp.gateway.McpGatewaySection;
import io.rampart.mcp.gateway.McpGatewayServer;
import io.rampart.mcp.gateway.McpGatewayServices;
import io.rampart.discovery.Discovery;
import io.rampart.posture.AssessmentService;
import io.rampart.posture.AssessmentsSection;
import io.rampart.guard.GuardSection;
import io.rampart.server.ApiServer;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Rampart: local services, the HTTP API and background tasks, started from one
 * configuration. {@code rampart serve} and {@code rampart demo} are thin shells around it.
 */
public final class RampartApp implements AutoCloseable {
  /** Environment variable that fixes the admin token instead of generating one. */
  public static final String ADMIN_TOKEN_ENV = "RAMPART_ADMIN_TOKEN";

  private static final Logger log = LoggerFactory.getLogger(RampartApp.class);
  /** How long an API read waits for the gateway's queued events (normally a few ms). */
  private static final long FLUSH_MILLIS = 2_000;

  private final Services services;
  private final ApiServer api;
  private final RetentionScheduler retention;
  private final AssessmentScheduler assessments;
  private final @Nullable GatewayServer gateway;
  private final @Nullable McpGatewayServer mcpGateway;
  private final @Nullable ConfigReloader reloader;
  private final @Nullable Secret newAdminToken;

  private RampartApp(
      Services services,
      ApiServer api,
      RetentionScheduler retention,
      AssessmentScheduler assessments,
      @Nullable GatewayServer gateway,
      @Nullable McpGatewayServer mcpGateway,
      @Nullable ConfigReloader reloader,
      @Nullable Secret token) {
    this.services = services;
    this.api = api;
    this.retention = retention;
    this.assessments = assessments;
    this.gateway = gateway;
    this.mcpGateway = mcpGateway;
    this.reloader = reloader;
    this.newAdminToken = token;
  }

  /**
   * Opens storage, bootstraps the admin token, records configuration changes and starts the
   * API. On failure everything opened so far is closed again.
   */
  public static RampartApp start(RampartConfig config, Map<String, String> env, Clock clock) {
    return start(config, env, clock, null);
  }

  /**
   * As {@link #start(RampartConfig, Map, Clock)}, and watches {@code configFile} (when given):
   * a valid change is applied without a restart and recorded as {@code config.changed}; an
   * invalid one is refused and recorded as {@code config.rejected}.
   */
  public static RampartApp start(
      RampartConfig config, Map<String, String> env, Clock clock, @Nullable Path configFile) {
    requireNonNull(config, "config");
    requireNonNull(env, "env");
    requireNonNull(clock, "clock");
    Services services = Services.open(config, clock);
    ApiServer api = null;
    RetentionScheduler retention = null;
    AssessmentScheduler assessments = null;
    GatewayServer gateway = null;
    McpGatewayServer mcpGateway = null;
    ConfigReloader reloader = null;
    try {
      Secret token = bootstrapAdmin(services, env);
      String configText = ConfigPrinter.describe(config);
      ConfigChanges.record(services.eventLog(), configText);
      if (services.database().dialect() == io.rampart.core.storage.Dialect.H2) {
        // the embedded database belongs to this process alone, so a run still marked running
        // was cut off by a previous stop (on PostgreSQL another node may own it)
        services.inventory().failRunningBefore(clock.instant(),
            "interrupted: the process stopped during the run");
      }
      assessments = AssessmentScheduler.start(config.extension(AssessmentsSection.INSTANCE),
          AssessmentService.create(services.inventory(), services.eventLog(),
              Discovery.create(clock), services.catalog()), clock);
      // both gateways write their events off the request path; API reads wait for them
      java.util.concurrent.atomic.AtomicReference<GatewayServer> live =
          new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicReference<McpGatewayServer> liveMcp =
          new java.util.concurrent.atomic.AtomicReference<>();
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmGcMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);
      new UptimeMetrics().bindTo(metrics);
      McpGatewayConfig mcpConfig = config.extension(McpGatewaySection.INSTANCE);
      JdbcToolPinStore pins = JdbcToolPinStore.create(services.database().dataSource(), clock);
      ApiServer.Builder apiBuilder = ApiServer.builder();
      if (mcpConfig.enabled()) {
        new McpRoutes(pins, services.eventLog()).routes().forEach(apiBuilder::route);
      }
      api =
          apiBuilder
              .config(config.server())
              .eventLog(new ReadYourWritesEventLog(services.eventLog(), () -> {
                GatewayServer g = live.get();
                if (g != null) {
                  g.flushEvents(FLUSH_MILLIS);
                }
                McpGatewayServer m = liveMcp.get();
                if (m != null) {
                  m.flushEvents(FLUSH_MILLIS);
                }
              }))
              .tokens(services.tokens())
              .catalog(services.catalog())
              .meterRegistry(metrics)
              .clock(clock)
              .configView(() -> configText)
              .readiness("storage", services::storageHealthy)
              .exporter(new CoreEventExporter())
              .inventory(services.inventory())
              .launcher(assessments)
              .build();
      api.start();
      GatewayConfig gatewayConfig = config.extension(GatewaySection.INSTANCE);
      GuardEngines guards = null;
      GuardEngine guard = null;
      if (gatewayConfig.enabled() || mcpConfig.enabled()) {
        // one set of engines for both gateways, sharing the model, which loads now rather than
        // on the first prompt; the guard: section's policies apply (routes pick named ones), the
        // gateway's guard-model: disabled switches the model tier off for all, and a reload
        // swaps them in place
        UnaryOperator<GuardConfig> modelSwitch = gatewayConfig.enabled()
            && !gatewayConfig.guardModel()
            ? c -> c.withModel(GuardConfig.ModelMode.DISABLED) : UnaryOperator.identity();
        guards = GuardEngines.create(config.extension(GuardSection.INSTANCE), modelSwitch);
        guard = guards.current();
        guard.warmUp();
      }
      if (gatewayConfig.enabled()) {
        gateway =
            GatewayServer.create(
                    gatewayConfig,
                    new GatewayServices(services.eventLog(), DlpEngine.create(), guard,
                        Clock.systemUTC(), new SecureRandom(), metrics, guards::policy))
                .start();
        live.set(gateway);
        log.info("Rampart gateway listening on {}", gateway.url());
      }
      if (mcpConfig.enabled()) {
        mcpGateway = McpGatewayServer.create(mcpConfig, McpGatewayServices.of(
            services.eventLog(), DlpEngine.create(), guard, pins)).start();
        liveMcp.set(mcpGateway);
        log.info("Rampart MCP gateway listening on {}", mcpGateway.url());
      }
      retention = RetentionScheduler.start(services.eventLog(), config.events(), clock);
      if (configFile != null) {
        reloader = ConfigReloader.create(configFile, env, services.eventLog(), config,
            new LiveReload(gateway, mcpGateway, guards, config)::apply).start();
      }
      EventDraft.Builder started = EventDraft.builder("system.started");
      if (gateway != null) {
        started.attribute("gateway_url", gateway.url().toString());
      }
      if (mcpGateway != null) {
        started.attribute("mcp_gateway_url", mcpGateway.url().toString());
      }
      services
          .eventLog()
          .append(
              started
                  .attribute("api_url", api.url().toString())
                  .attribute("storage", services.database().dialect().name().toLowerCase(java.util.Locale.ROOT))
                  .build());
      log.info("Rampart API listening on {}", api.url());
      return new RampartApp(
          services, api, retention, assessments, gateway, mcpGateway, reloader, token);
    } catch (RuntimeException e) {
      if (reloader != null) {
        reloader.close();
      }
      if (retention != null) {
        retention.close();
      }
      if (assessments != null) {
        assessments.close();
      }
      if (gateway != null) {
        gateway.close();
      }
      if (mcpGateway != null) {
        mcpGateway.close();
      }
      if (api != null) {
        api.close();
      }
      services.close();
      throw e;
    }
  }

  private static @Nullable Secret bootstrapAdmin(Services services, Map<String, String> env) {
    String fixed = env.getOrDefault(ADMIN_TOKEN_ENV, "");
    if (!fixed.isBlank()) {
      services.tokens().importToken("admin (" + ADMIN_TOKEN_ENV + ")", Role.ADMIN, fixed.strip());
      return null;
    }
    if (services.tokens().hasActiveAdmin()) {
      return null;
    }
    IssuedToken issued = services.tokens().create("admin", Role.ADMIN);
    services
        .eventLog()
        .append(TokenEvents.created("rampart", issued.token()).attribute("reason", "first start").build());
    return issued.bearer();
  }

  /** The admin token generated on this start, to be shown once; empty when none was made. */
  public Optional<Secret> newAdminToken() {
    return Optional.ofNullable(newAdminToken);
  }

  public URI apiUrl() {
    return api.url();
  }

  /** The model gateway's URL when {@code gateway.enabled} is true. */
  public Optional<URI> gatewayUrl() {
    return Optional.ofNullable(gateway).map(GatewayServer::url);
  }

  /** The MCP gateway's endpoint when {@code mcp-gateway.enabled} is true. */
  public Optional<URI> mcpGatewayUrl() {
    return Optional.ofNullable(mcpGateway).map(McpGatewayServer::url);
  }

  public Services services() {
    return services;
  }

  /** Checks the watched config file now (tests; the reloader also polls on its own). */
  boolean reloadNow() {
    return reloader != null && reloader.checkNow();
  }

  /** Events currently in the log, for status lines. */
  public int recentEventCount() {
    return services.eventLog().query(EventQuery.builder().limit(1000).build()).events().size();
  }

  @Override
  public void close() {
    try {
      if (reloader != null) {
        reloader.close();
      }
      retention.close();
      assessments.close();
      if (gateway != null) {
        gateway.close();
      }
      if (mcpGateway != null) {
        mcpGateway.close();
      }
      api.close();
    } finally {
      services.close();
    }
  }
}
