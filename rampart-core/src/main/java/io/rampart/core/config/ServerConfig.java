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
    requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
  }
}
