package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.event.AuditQueue;
import io.rampart.dlp.PseudonymSession;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The model gateway's listener: Jetty 12 core handlers on virtual threads in front of the
 * routes' upstreams. Create with {@link #create}, then {@link #start}; {@link #reconfigure}
 * swaps routes, keys and policies without a restart (the listener address stays).
 */
public final class GatewayServer implements AutoCloseable {
  private final GatewayConfig initial;
  private final Server jetty;
  private final ServerConnector connector;
  private final Upstreams upstreams;
  private final AtomicReference<Pipeline> pipeline = new AtomicReference<>();
  private final QuotaLimiter quotas;
  private final Forwarder forwarder;
  private final ObjectMapper json = new ObjectMapper();
  private final GatewayServices services;
  private final AuditQueue audit;
  private boolean started;

  private GatewayServer(GatewayConfig config, GatewayServices services) {
    this.initial = config;
    this.services = services;
    this.quotas = new QuotaLimiter(services.clock());
    this.upstreams = new Upstreams(config, services.clock());
    Inspector inspector = new Inspector(services.dlp(), services.guard(),
        services.guardPolicies());
    this.forwarder = new Forwarder(inspector, upstreams, json,
        () -> PseudonymSession.create(services.random()),
        () -> pipeline.get().config());
    reconfigure(config);
    this.jetty = new Server(GatewayThreads.pool("rampart-gateway"));
    this.connector = Listener.connector(jetty, config);
    jetty.addConnector(connector);
    this.audit = AuditQueue.create(services.events(), "rampart-gateway-audit");
    jetty.setHandler(new GatewayHandler(pipeline::get, config.maxInFlight(), audit,
        services.meters()));
    warmUp(services);
    jetty.setStopTimeout(5_000);
  }

  /** A gateway for {@code config}; nothing listens until {@link #start}. */
  public static GatewayServer create(GatewayConfig config, GatewayServices services) {
    requireNonNull(config, "config");
    requireNonNull(services, "services");
    return new GatewayServer(config, services);
  }

  /** Binds the port and serves; throws {@link GatewayException} when it cannot listen. */
  public synchronized GatewayServer start() {
    if (started) {
      throw new GatewayException("gateway: started (expected: a new server)");
    }
    try {
      jetty.start();
    } catch (Exception e) {
      close();
      throw new GatewayException("gateway.port: " + initial.port()
          + " (expected: a free port on " + initial.host() + ")", e);
    }
    started = true;
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URL callers use, such as {@code http://127.0.0.1:8788}. */
  public URI url() {
    String scheme = initial.tls().isPresent() ? "https" : "http";
    return URI.create(scheme + "://" + initial.host() + ":" + port());
  }

  /**
   * Applies new routes, keys and policies to the next requests, without a restart. Quotas and
   * circuit breakers carry over; host, port, TLS, max-in-flight and guard-model stay as started.
   * Records nothing itself: whoever reloads the configuration (the app's config watcher) writes
   * the one {@code config.changed} event for the change.
   */
  public void reconfigure(GatewayConfig config) {
    requireNonNull(config, "config");
    pipeline.set(new Pipeline(config, services.clock(), quotas, json, forwarder,
        GatewayHandler.MAX_BODY_BYTES));
  }

  // The first scan and the first streaming scanner build lazy tables, and the guard's model tier
  // loads on its first unsure input (seconds on a busy machine, past the detector deadline: the
  // first such request was blocked as a detector timeout). Pay for all of it at start.
  private static void warmUp(GatewayServices services) {
    try {
      services.guard().warmUp();
    } catch (RuntimeException e) {
      // a model that cannot load fails closed on the first unsure input
    }
    try {
      services.dlp().scan("warm up jane@example.com");
      io.rampart.dlp.StreamingRedactor r = io.rampart.dlp.Redactor
          .create(io.rampart.dlp.RedactionPolicy.builder().build())
          .streaming(services.dlp(), PseudonymSession.create(services.random()));
      r.feed("warm up jane@exa");
      r.feed("mple.com and 4111 1111 1111 1111");
      r.finish();
    } catch (RuntimeException e) {
      // a broken engine shows up on the first request, where it fails closed
    }
  }

  /**
   * Waits until the {@code gateway.request} event of every request answered so far is written
   * (at most {@code timeoutMillis}); false when the time ran out. Events are written off the
   * request path, so a reader that must see them all (a demo, a test) calls this first.
   */
  public boolean flushEvents(long timeoutMillis) {
    return audit.flush(timeoutMillis);
  }

  /** The configuration in force. */
  public GatewayConfig config() {
    return pipeline.get().config();
  }

  /** Stops listening, letting in-flight requests finish for up to five seconds. */
  @Override
  public synchronized void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      // best effort: the process is usually ending
    } finally {
      audit.close();
      forwarder.close();
      upstreams.close();
    }
  }
}
