package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.ApiKeyConfig;
import io.rampart.gateway.OidcConfig;
import io.rampart.gateway.TlsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The MCP gateway ({@code mcp-gateway:} in rampart.yaml). Disabled unless {@code enabled}. Its
 * own listener, so it starts, sheds load and is configured independently of the model gateway;
 * callers authenticate with the same kinds of keys and tokens.
 *
 * @param enabled whether {@code rampart serve} starts it
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one
 * @param path the MCP endpoint (default {@code /mcp})
 * @param maxInFlight requests handled at once; more get 503
 * @param connectTimeout to open a connection to a server
 * @param upstreamTimeout to wait for a server's response headers, and the idle limit of streams
 * @param maxMessageBytes largest JSON-RPC body or SSE event accepted either way
 * @param oidc accept OIDC/JWT bearer tokens besides API keys
 * @param apiKeys the callers (same shape as {@code gateway.api-keys})
 * @param servers the MCP servers behind the gateway
 * @param tls TLS on the listener (same block as {@code gateway.tls}: PKCS#12 or PEM, optional
 *     {@code client-ca} for mutual TLS, where {@code api-keys[].client-certificate} names
 *     callers); empty for plain HTTP
 * @param stdio idle timeout, per-server session cap and kill grace of stdio servers' processes
 */
public record McpGatewayConfig(
    boolean enabled,
    String host,
    int port,
    String path,
    int maxInFlight,
    Duration connectTimeout,
    Duration upstreamTimeout,
    int maxMessageBytes,
    Optional<OidcConfig> oidc,
    List<ApiKeyConfig> apiKeys,
    List<McpServerConfig> servers,
    Optional<TlsConfig> tls,
    StdioLimits stdio) {

  public static final McpGatewayConfig DEFAULT = new McpGatewayConfig(false, "127.0.0.1", 8789,
      "/mcp", 1024, Duration.ofSeconds(5), Duration.ofSeconds(300), 4 * 1024 * 1024,
      Optional.empty(), List.of(), List.of(), Optional.empty(), StdioLimits.DEFAULT);

  public McpGatewayConfig {
    requireNonNull(host, "host");
    requireNonNull(path, "path");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(upstreamTimeout, "upstreamTimeout");
    requireNonNull(oidc, "oidc");
    requireNonNull(tls, "tls");
    requireNonNull(stdio, "stdio");
    apiKeys = List.copyOf(apiKeys);
    servers = List.copyOf(servers);
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: \"\" (expected: a host name or IP address)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
    if (!path.matches("/[A-Za-z0-9._/-]*") || (path.length() > 1 && path.endsWith("/"))) {
      throw new IllegalArgumentException("path: " + path + " (expected: like /mcp)");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max-in-flight: " + maxInFlight + " (expected: 1 or more)");
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException(
          "max-message-bytes: " + maxMessageBytes + " (expected: 1024 or more)");
    }
    positive("connect-timeout", connectTimeout);
    positive("upstream-timeout", upstreamTimeout);
    Set<String> names = new HashSet<>();
    for (McpServerConfig s : servers) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("servers: " + s.name() + " (expected: unique names)");
      }
    }
    if (enabled && servers.isEmpty()) {
      throw new IllegalArgumentException("servers: [] (expected: at least one when enabled)");
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + ": " + d + " (expected: more than 0)");
    }
  }

  /** The server a request path names: {@code <path>} is the first, {@code <path>/<name>} any. */
  public Optional<McpServerConfig> serverFor(String requestPath) {
    if (requestPath.equals(path) || requestPath.equals(path + "/")) {
      return servers.stream().findFirst();
    }
    String prefix = path.equals("/") ? "/" : path + "/";
    if (!requestPath.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = requestPath.substring(prefix.length());
    return servers.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link McpGatewayConfig}. */
  public static final class Builder {
    private boolean enabled = DEFAULT.enabled;
    private String host = DEFAULT.host;
    private int port = DEFAULT.port;
    private String path = DEFAULT.path;
    private int maxInFlight = DEFAULT.maxInFlight;
    private Duration connectTimeout = DEFAULT.connectTimeout;
    private Duration upstreamTimeout = DEFAULT.upstreamTimeout;
    private int maxMessageBytes = DEFAULT.maxMessageBytes;
    private Optional<OidcConfig> oidc = Optional.empty();
    private Optional<TlsConfig> tls = Optional.empty();
    private StdioLimits stdio = StdioLimits.DEFAULT;
    private final List<ApiKeyConfig> apiKeys = new ArrayList<>();
    private final List<McpServerConfig> servers = new ArrayList<>();

    private Builder() {}

    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    public Builder host(String v) {
      host = requireNonNull(v, "host");
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder path(String v) {
      path = requireNonNull(v, "path");
      return this;
    }

    public Builder maxInFlight(int v) {
      maxInFlight = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = requireNonNull(v, "connectTimeout");
      return this;
    }

    public Builder upstreamTimeout(Duration v) {
      upstreamTimeout = requireNonNull(v, "upstreamTimeout");
      return this;
    }

    public Builder maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    public Builder oidc(OidcConfig v) {
      oidc = Optional.of(v);
      return this;
    }

    public Builder tls(TlsConfig v) {
      tls = Optional.of(v);
      return this;
    }

    public Builder stdio(StdioLimits v) {
      stdio = requireNonNull(v, "stdio");
      return this;
    }

    public Builder apiKey(ApiKeyConfig v) {
      apiKeys.add(requireNonNull(v, "apiKey"));
      return this;
    }

    public Builder server(McpServerConfig v) {
      servers.add(requireNonNull(v, "server"));
      return this;
    }

    public McpGatewayConfig build() {
      return new McpGatewayConfig(enabled, host, port, path, maxInFlight, connectTimeout,
          upstreamTimeout, maxMessageBytes, oidc, apiKeys, servers, tls, stdio);
    }
  }
}
