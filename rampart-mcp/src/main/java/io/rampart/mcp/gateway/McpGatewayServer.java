package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.CallerAuth;
import io.rampart.gateway.Listener;
import io.rampart.gateway.Quotas;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcLimits;
import java.net.URI;
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
  private final StdioBridge stdio;
  private boolean started;

  private McpGatewayServer(McpGatewayConfig config, McpGatewayServices services) {
    this.config = config;
    this.upstream = new McpUpstream(config, services.clock());
    // session ids of stdio servers must not be guessable
    this.stdio = new StdioBridge(config.maxMessageBytes(), new java.security.SecureRandom());
    CallerAuth auth = config.oidc().isPresent()
        ? CallerAuth.create(config.apiKeys(), config.oidc().get(), services.clock())
        : CallerAuth.create(config.apiKeys(), services.clock());
    Quotas quotas = Quotas.create(services.clock());
    MessagePolicy policy = new MessagePolicy(services.authorizer(),
        new ToolGate(services.pins(), services.guard(), services.events()),
        new ContentInspector(services.dlp(), services.guard()), quotas);
    JsonRpcCodec codec = JsonRpcCodec.create(new JsonRpcLimits(config.maxMessageBytes(), 64, 100));
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName("rampart-mcp");
    this.jetty = new Server(threads);
    // the model gateway's connector: same TLS and mutual-TLS handling (HTTP/1.1 only here)
    this.connector = Listener.connector(jetty, config.host(), config.port(), config.tls(), false);
    // a GET stream may stay quiet for as long as the server may
    connector.setIdleTimeout(config.upstreamTimeout().toMillis() + 30_000);
    jetty.addConnector(connector);
    jetty.setHandler(new McpHandler(config, auth, quotas, policy, upstream, stdio, codec,
        services.events()));
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

  /** The MCP endpoint of the first server, such as {@code https://127.0.0.1:8789/mcp}. */
  public URI url() {
    String scheme = config.tls().isPresent() ? "https" : "http";
    return URI.create(scheme + "://" + config.host() + ":" + port() + config.path());
  }

  public McpGatewayConfig config() {
    return config;
  }

  /** Stops listening, letting in-flight requests finish for up to five seconds. */
  @Override
  public synchronized void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      // best effort: the process is usually ending
    } finally {
      stdio.close();
      upstream.close();
    }
  }
}
