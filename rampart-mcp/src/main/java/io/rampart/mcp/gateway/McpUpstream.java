package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.UpstreamAuth;
import io.rampart.gateway.UpstreamClient;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;

/**
 * Sends caller requests to MCP servers with one shared Jetty {@link HttpClient} on virtual
 * threads. Only the MCP transport headers pass (never the caller's credentials); the server's
 * own credential is injected. Bodies come back as streams, so SSE is relayed as it arrives.
 */
final class McpUpstream implements AutoCloseable {
  /** Caller headers that reach the server; everything else stays at the gateway. */
  static final List<String> FORWARDED = List.of("accept", "content-type", "mcp-session-id",
      "mcp-protocol-version", "last-event-id");

  private final HttpClient client;
  private final UpstreamAuth auth;

  /** What came back: status, headers, and the body as it arrives. */
  record Answer(int status, HttpFields headers, InputStream body) {}

  McpUpstream(McpGatewayConfig config, Clock clock) {
    client = UpstreamClient.start("rampart-mcp-client", config.connectTimeout(),
        config.upstreamTimeout(), config.maxInFlight());
    auth = UpstreamAuth.create(client, clock);
  }

  /**
   * Sends one request; {@code timeout} bounds the wait for the response headers and each idle
   * gap of the body.
   *
   * @throws McpGatewayException when the server cannot be reached or does not answer in time
   */
  Answer send(McpServerConfig server, String method, HttpFields caller, byte[] body,
      Duration timeout) {
    return send(server, server.url(), method, caller, body, timeout);
  }

  /** As {@link #send(McpServerConfig, String, HttpFields, byte[], Duration)}, to {@code url}. */
  Answer send(McpServerConfig server, java.net.URI url, String method, HttpFields caller,
      byte[] body, Duration timeout) {
    Request request = client.newRequest(url).method(method)
        .idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      request.headers(h -> {
        for (String name : FORWARDED) {
          String v = caller.get(name);
          if (v != null) {
            h.put(name, v);
          }
        }
        auth.apply(server.credential(), h);
      });
    } catch (RuntimeException e) {
      throw new McpGatewayException("upstream credential: unavailable for server "
          + server.name() + " (expected: a working credential)", e);
    }
    if (body.length > 0) {
      String type = caller.get("content-type");
      request.body(new BytesRequestContent(type == null ? "application/json" : type, body));
    }
    InputStreamResponseListener listener = new InputStreamResponseListener();
    request.send(listener);
    try {
      Response response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(response.getStatus(), response.getHeaders(), listener.getInputStream());
    } catch (TimeoutException e) {
      request.abort(e);
      throw new McpGatewayException("upstream: no answer from server " + server.name()
          + " within " + timeout + " (expected: an answer before upstream-timeout)", e);
    } catch (ExecutionException e) {
      throw new McpGatewayException("upstream: server " + server.name()
          + " unreachable (expected: a reachable MCP server)", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.abort(e);
      throw new McpGatewayException("upstream: interrupted (expected: to finish)", e);
    }
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      // closing: nothing left to do with a client that will not stop cleanly
    }
  }
}
