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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client-credentials tokens for {@code https://management.azure.com/.default}, cached; the
 * client proves itself with a secret, or with a federated token read afresh for every request
 * (workload identity: the file is rotated by the platform).
 */
final class ClientSecretTokens implements TokenSource {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient http;
  private final URI authority;
  private final String tenant;
  private final String clientId;
  private final Supplier<String> proof;
  private final Clock clock;
  private Secret cached = Secret.empty();
  private Instant expires = Instant.MIN;

  ClientSecretTokens(HttpClient http, URI authority, String tenant, String clientId,
      Secret secret, Clock clock) {
    this(http, authority, tenant, clientId, () -> "client_secret=" + enc(secret.reveal()), clock);
  }

  private ClientSecretTokens(HttpClient http, URI authority, String tenant, String clientId,
      Supplier<String> proof, Clock clock) {
    this.http = http;
    this.authority = authority;
    this.tenant = tenant;
    this.clientId = clientId;
    this.proof = proof;
    this.clock = clock;
  }

  /** Workload identity federation: the federated token file's content is the assertion. */
  static ClientSecretTokens federated(HttpClient http, URI authority, String tenant,
      String clientId, Path tokenFile, Clock clock) {
    return new ClientSecretTokens(http, authority, tenant, clientId, () -> {
      String assertion;
      try {
        assertion = Files.readString(tokenFile).strip();
      } catch (IOException e) {
        throw new DiscoveryException("AZURE_FEDERATED_TOKEN_FILE: " + tokenFile + ": "
            + e.getClass().getSimpleName() + " (expected: a readable federated token file)", e);
      }
      if (assertion.isEmpty()) {
        throw new DiscoveryException("AZURE_FEDERATED_TOKEN_FILE: " + tokenFile
            + ": empty (expected: a federated token)");
      }
      return "client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:"
          + "jwt-bearer") + "&client_assertion=" + enc(assertion);
    }, clock);
  }

  @Override
  public synchronized Secret token() {
    if (!cached.isEmpty() && clock.instant().isBefore(expires)) {
      return cached;
    }
    String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&"
        + proof.get() + "&scope=" + enc("https://management.azure.com/.default");
    HttpRequest req = HttpRequest.newBuilder(authority.resolve("/" + enc(tenant)
            + "/oauth2/v2.0/token"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      Map<String, Object> body = Values.map(JsonTree.parse(resp.body()).root);
      if (resp.statusCode() != 200 || !(body.get("access_token") instanceof String t)) {
        // the error code is safe to show; the response never echoes the secret
        throw new DiscoveryException("azure token: HTTP " + resp.statusCode() + " "
            + body.getOrDefault("error", "") + " (expected: 200 with an access_token)");
      }
      long ttl = body.get("expires_in") instanceof Long n ? n : 300;
      cached = Secret.of(t);
      expires = clock.instant().plusSeconds(Math.max(0, ttl - 60));
      return cached;
    } catch (IOException e) {
      throw new DiscoveryException("azure token: " + e.getClass().getSimpleName()
          + " (expected: a reachable Entra ID authority)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscoveryException("azure token: interrupted (expected: completion)", e);
    } catch (ParseException e) {
      throw new DiscoveryException("azure token: " + e.getMessage());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
