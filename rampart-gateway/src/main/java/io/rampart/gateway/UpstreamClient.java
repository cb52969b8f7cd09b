package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;

/**
 * The Jetty client that the model and MCP gateways use to reach their upstreams: blocking work
 * on virtual threads ({@link GatewayThreads}), enough connections for the listener's in-flight
 * limit, no redirects, no user agent of its own.
 */
public final class UpstreamClient {
  private UpstreamClient() {}

  /**
   * A started client.
   *
   * @param name the name of its threads, as seen in thread dumps
   * @throws GatewayException when the client cannot start
   */
  public static HttpClient start(String name, Duration connectTimeout, Duration idleTimeout,
      int maxInFlight) {
    requireNonNull(name, "name");
    HttpClient client = new HttpClient();
    client.setExecutor(GatewayThreads.pool(name));
    client.setConnectTimeout(connectTimeout.toMillis());
    client.setMaxConnectionsPerDestination(Math.max(64, maxInFlight));
    client.setMaxRequestsQueuedPerDestination(Math.max(1024, maxInFlight * 2));
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    client.setIdleTimeout(idleTimeout.toMillis());
    try {
      client.start();
    } catch (Exception e) {
      throw new GatewayException(name + ": cannot start (expected: a working JVM)", e);
    }
    return client;
  }
}
