package io.rampart.discovery;

import io.rampart.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Managed-identity tokens from the Azure Instance Metadata Service ({@code GET
 * /metadata/identity/oauth2/token} with {@code Metadata: true}), cached until a minute before
 * they expire. A user-assigned identity is chosen by client ID.
 */
final class ManagedIdentityTokens implements TokenSource {
  static final URI IMDS = URI.create("http://169.254.169.254/metadata/identity/oauth2/token");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http;
  private final URI endpoint;
  private final String clientId;
  private final Clock clock;
  private Secret cached = Secret.empty();
  private Instant expires = Instant.MIN;

  ManagedIdentityTokens(HttpClient http, URI endpoint, String clientId, Clock clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.clock = clock;
  }

  @Override
  public synchronized Secret token() {
    if (!cached.isEmpty() && clock.instant().isBefore(expires)) {
      return cached;
    }
    String query = "api-version=2018-02-01&resource="
        + URLEncoder.encode(AzureTokenJson.RESOURCE, StandardCharsets.UTF_8)
        + (clientId.isEmpty() ? "" : "&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
        .timeout(TIMEOUT).header("Metadata", "true").GET().build();
    try {
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      Map<String, Object> body = Values.map(JsonTree.parse(resp.body()).root);
      if (resp.statusCode() != 200 || !(body.get("access_token") instanceof String t)) {
        throw new DiscoveryException("azure managed identity: HTTP " + resp.statusCode() + " "
            + body.getOrDefault("error", "") + " (expected: 200 with an access_token from the"
            + " instance metadata service)");
      }
      cached = Secret.of(t);
      expires = AzureTokenJson.expiry(body, "expires_on", "expires_in", clock);
      return cached;
    } catch (IOException e) {
      throw new DiscoveryException("azure managed identity: " + e.getClass().getSimpleName()
          + " (expected: a reachable instance metadata service at " + endpoint + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscoveryException("azure managed identity: interrupted (expected: completion)",
          e);
    } catch (ParseException e) {
      throw new DiscoveryException("azure managed identity: " + e.getMessage());
    }
  }
}
