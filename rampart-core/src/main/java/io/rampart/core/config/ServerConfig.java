package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The HTTP API listener ({@code server:} in rampart.yaml).
 *
 * @param host interface to bind, default {@code 127.0.0.1}
 * @param port TCP port, default 8787; 0 picks a free port
 */
public record ServerConfig(String host, int port) {
  public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8787);

  public ServerConfig {
    checkHost(host);
    checkPort(port);
  }

  /** A builder starting from {@link #DEFAULT}. */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  // Shared by the constructor and the builder so YAML errors point at the offending key.
  private static String checkHost(String host) {
    requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: \"\" (expected: a host name or IP address)");
    }
    return host;
  }

  private static int checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
    return port;
  }

  /** Builds a {@link ServerConfig}; setters validate eagerly. */
  public static final class Builder {
    private String host;
    private int port;

    private Builder(ServerConfig from) {
      this.host = from.host;
      this.port = from.port;
    }

    public Builder host(String host) {
      this.host = checkHost(host);
      return this;
    }

    public Builder port(int port) {
      this.port = checkPort(port);
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(host, port);
    }
  }
}
