package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.CallerAuth;
import io.rampart.gateway.Quotas;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The MCP gateway's listener: Jetty 12 core handlers on virtual threads, so long-lived SSE
 * streams hold no platform thread. Create with {@link #create}, then {@link #start}.
 */
public final class McpGatewayServer implements AutoCloseable {
  private final McpGatewayConfig config;
  private final Server jetty;
  private final ServerConnector connector;
  private final McpUpstream upstream;
  private final SessionBridge stdio;
  private final SessionBridge sse;
  private final SseClients sseClients;
  private boolean started;

  private McpGatewayServer(McpGatewayConfig config, McpGatewayServices services) {
    this.config = config;
    this.upstream = new McpUpstream(config, services.clock());
    JsonRpcCodec codec = JsonRpcCodec.create(new JsonRpcLimits(config.maxMessageBytes(), 64, 100));
    // session ids the gateway issues must not be guessable
    java.security.SecureRandom random = new java.security.SecureRandom();
    // a stdio session is a process; an HTTP+SSE one holds a connection of the shared client
    this.stdio = new SessionBridge(codec, random, StdioSession.opener(codec), services.clock(),
        64);
    this.sse = new SessionBridge(codec, random, SseUpstreamChannel.opener(upstream, codec),
        services.clock(), Math.max(64, config.maxInFlight() / 2));
    // well within the listener's idle timeout, and short enough for proxies between
    Duration keepAlive = config.upstreamTimeout().dividedBy(2).compareTo(Duration.ofSeconds(15))
        < 0 ? config.upstreamTimeout().dividedBy(2) : Duration.ofSeconds(15);
    this.sseClients = new SseClients(codec, random, config.maxMessageBytes(),
        keepAlive.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : keepAlive);
    CallerAuth auth = config.oidc().isPresent()
        ? CallerAuth.create(config.apiKeys(), config.oidc().get(), services.clock())
        : CallerAuth.create(config.apiKeys(), services.clock());
    Quotas quotas = Quotas.create(services.clock());
    MessagePolicy policy = new MessagePolicy(services.authorizer(),
        new ToolGate(services.pins(), services.guard(), services.events()),
        new ContentInspector(services.dlp(), services.guard()), quotas);
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName("rampart-mcp");
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    // a GET stream may stay quiet for as long as the server may
    connector.setIdleTimeout(config.upstreamTimeout().toMillis() + 30_000);
    jetty.addConnector(connector);
    jetty.setHandler(new McpHandler(config, auth, quotas, policy, upstream, stdio, sse,
        sseClients, codec, services.events()));
    jetty.setStopTimeout(5_000);
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
    } catch (Exception e) {
      close();
      throw new McpGatewayException("mcp-gateway.port: " + config.port()
          + " (expected: a free port on " + config.host() + ")", e);
    }
    started = true;
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The MCP endpoint of the first server, such as {@code http://127.0.0.1:8789/mcp}. */
  public URI url() {
    return URI.create("http://" + config.host() + ":" + port() + config.path());
  }

  public McpGatewayConfig config() {
    return config;
  }

  /** Stops listening, letting in-flight requests finish for up to five seconds. */
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
    }
  }
}
