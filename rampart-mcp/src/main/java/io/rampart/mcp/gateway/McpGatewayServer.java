package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.AuditQueue;
import io.rampart.gateway.CallerAuth;
import io.rampart.gateway.Listener;
import io.rampart.gateway.Quotas;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The MCP gateway's listener: Jetty 12 core handlers on virtual threads, so long-lived SSE
 * streams hold no platform thread. Create with {@link #create}, then {@link #start};
 * {@link #reconfigure} swaps servers, access rules, keys, quotas and inspection settings
 * without a restart.
 */
public final class McpGatewayServer implements AutoCloseable {
  /** Keys read once at start: a change to them is reported, and applies after a restart. */
  private static final List<Field> RESTART_ONLY = List.of(
      new Field("enabled", McpGatewayConfig::enabled),
      new Field("host", McpGatewayConfig::host),
      new Field("port", McpGatewayConfig::port),
      new Field("tls", McpGatewayConfig::tls),
      new Field("max-in-flight", McpGatewayConfig::maxInFlight),
      new Field("connect-timeout", McpGatewayConfig::connectTimeout),
      new Field("upstream-timeout", McpGatewayConfig::upstreamTimeout),
      new Field("max-message-bytes", McpGatewayConfig::maxMessageBytes));

  private record Field(String key, Function<McpGatewayConfig, Object> value) {}

  private final McpGatewayConfig initial;
  private final McpGatewayServices services;
  private final Server jetty;
  private final ServerConnector connector;
  private final McpUpstream upstream;
  private final SessionBridge stdio;
  private final SessionBridge sse;
  private final SseClients sseClients;
  private final Quotas quotas;
  private final MessagePolicy policy;
  private final JsonRpcCodec codec;
  private final Semaphore inFlight;
  private final AuditQueue audit;
  private final SessionOwners sessions = new SessionOwners();
  // one immutable snapshot per configuration; a request keeps the one it started with
  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private boolean started;

  private record Snapshot(McpGatewayConfig config, McpHandler handler) {}

  private McpGatewayServer(McpGatewayConfig config, McpGatewayServices services) {
    this.initial = config;
    this.services = services;
    this.upstream = new McpUpstream(config, services.clock());
    this.codec = JsonRpcCodec.create(new JsonRpcLimits(config.maxMessageBytes(), 64, 100));
    // session ids the gateway issues must not be guessable
    java.security.SecureRandom random = new java.security.SecureRandom();
    // a stdio session is a process; an HTTP+SSE one holds a connection of the shared client;
    // both are bounded by mcp-gateway.stdio (idle timeout, sessions per server, kill grace)
    this.stdio = new SessionBridge(codec, random, StdioSession.opener(codec), services.clock(),
        config.stdio());
    this.sse = new SessionBridge(codec, random, SseUpstreamChannel.opener(upstream, codec),
        services.clock(), config.stdio());
    // well within the listener's idle timeout, and short enough for proxies between
    Duration keepAlive = config.upstreamTimeout().dividedBy(2).compareTo(Duration.ofSeconds(15))
        < 0 ? config.upstreamTimeout().dividedBy(2) : Duration.ofSeconds(15);
    this.sseClients = new SseClients(codec, random, config.maxMessageBytes(),
        keepAlive.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : keepAlive);
    // quotas, pins and the poisoning cache carry over from one snapshot to the next
    this.quotas = Quotas.create(services.clock());
    this.policy = new MessagePolicy(services.authorizer(),
        new ToolGate(services.pins(), services.guard(), services.events(), services.clock()),
        new ContentInspector(services.dlp(), services.guard()), quotas);
    this.inFlight = new Semaphore(config.maxInFlight());
    // mcp.request events are committed in batches off the request path, like the model
    // gateway's: one database commit per call cost the caller about half a millisecond
    this.audit = AuditQueue.create(services.events(), "rampart-mcp-audit");
    current.set(snapshot(config));
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName("rampart-mcp");
    this.jetty = new Server(threads);
    // the model gateway's connector: same TLS and mutual-TLS handling (HTTP/1.1 only here)
    this.connector = Listener.connector(jetty, config.host(), config.port(), config.tls(), false);
    // a GET stream may stay quiet for as long as the server may
    connector.setIdleTimeout(config.upstreamTimeout().toMillis() + 30_000);
    jetty.addConnector(connector);
    jetty.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        return current.get().handler().handle(request, response, callback);
      }
    });
    jetty.setStopTimeout(5_000);
  }

  private Snapshot snapshot(McpGatewayConfig config) {
    CallerAuth auth = config.oidc().isPresent()
        ? CallerAuth.create(config.apiKeys(), config.oidc().get(), services.clock())
        : CallerAuth.create(config.apiKeys(), services.clock());
    return new Snapshot(config, new McpHandler(config, auth, quotas, policy, upstream, stdio,
        sse, sseClients, codec, audit, inFlight, sessions));
  }

  /** A gateway for {@code config}; nothing listens until {@link #start}. */
  public static McpGatewayServer create(McpGatewayConfig config, McpGatewayServices services) {
    requireNonNull(config, "config");
    requireNonNull(services, "services");
    return new McpGatewayServer(config, services);
  }

  /** Binds the port and serves; throws {@link McpGatewayException} when it cannot listen. */
  public synchronized McpGatewayServer start() {
    if (started) {
      throw new McpGatewayException("mcp-gateway: started (expected: a new server)");
    }
    try {
      jetty.start();
      stdio.startReaper("stdio");
      sse.startReaper("sse");
    } catch (Exception e) {
      close();
      throw new McpGatewayException("mcp-gateway.port: " + initial.port()
          + " (expected: a free port on " + initial.host() + ")", e);
    }
    started = true;
    return this;
  }

  /**
   * Applies {@code next}'s servers (access rules, policies, credentials, commands), path, API
   * keys, OIDC and quotas to the next requests, without a restart: a new immutable snapshot is
   * built and swapped in at once, and requests already running finish on the old one. Quotas,
   * session owners, pins, stdio and HTTP+SSE sessions carry over (under {@code next}'s
   * {@code stdio} limits). Listener settings stay as started.
   * Records nothing itself (the app's config watcher writes the one {@code config.changed}).
   *
   * @return the {@code mcp-gateway} keys that changed but only apply after a restart (such as
   *     {@code port}, {@code tls}); empty when everything applied
   */
  public List<String> reconfigure(McpGatewayConfig next) {
    requireNonNull(next, "next");
    McpGatewayConfig running = current.get().config();
    List<String> restart = new ArrayList<>();
    for (Field f : RESTART_ONLY) {
      if (!Objects.equals(f.value().apply(running), f.value().apply(next))) {
        restart.add("mcp-gateway." + f.key());
      }
    }
    if (!next.enabled()) {
      return List.copyOf(restart); // a running gateway stops only with the process
    }
    // listener settings stay as started, so the snapshot never disagrees with the connector
    McpGatewayConfig effective = new McpGatewayConfig(initial.enabled(), initial.host(),
        initial.port(), next.path(), initial.maxInFlight(), initial.connectTimeout(),
        initial.upstreamTimeout(), initial.maxMessageBytes(), next.oidc(), next.apiKeys(),
        next.servers(), initial.tls(), next.stdio());
    stdio.limits(next.stdio());
    sse.limits(next.stdio());
    current.set(snapshot(effective));
    return List.copyOf(restart);
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The MCP endpoint of the first server, such as {@code https://127.0.0.1:8789/mcp}. */
  public URI url() {
    McpGatewayConfig config = current.get().config();
    String scheme = config.tls().isPresent() ? "https" : "http";
    return URI.create(scheme + "://" + config.host() + ":" + port() + config.path());
  }

  /** The configuration in force (listener settings as started). */
  public McpGatewayConfig config() {
    return current.get().config();
  }

  /**
   * Waits (up to {@code timeoutMillis}) until the {@code mcp.request} events of every answered
   * call are in the event log; readers that must see them (the API) call this first.
   */
  public boolean flushEvents(long timeoutMillis) {
    return audit.flush(timeoutMillis);
  }

  /** Stops listening, letting in-flight requests finish for up to five seconds, then writes the queued events. */
  @Override
  public synchronized void close() {
    try {
      sseClients.close(); // lets the callers' streams end, so stopping does not wait for them
      jetty.stop();
    } catch (Exception e) {
      // best effort: the process is usually ending
    } finally {
      stdio.close();
      sse.close();
      upstream.close();
      audit.close();
    }
  }
}
