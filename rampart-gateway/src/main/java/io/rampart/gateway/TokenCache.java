package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Access tokens for token-based upstream credentials: fetched on first use, shared by all
 * requests, refreshed once a token is within five minutes (or half its lifetime, if shorter) of
 * expiry. One fetch at a time per credential; a failed fetch fails the request (the upstream is
 * never called without its credential).
 */
final class TokenCache {
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final HttpClient client;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<UpstreamCredential, Entry> entries = new ConcurrentHashMap<>();

  private static final class Entry {
    String token = "";
    Instant refreshAt = Instant.MIN;
  }

  TokenCache(HttpClient client, Clock clock) {
    this.client = requireNonNull(client, "client");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The {@code Authorization} value for {@code credential}, if it is token-based. */
  Optional<String> bearer(UpstreamCredential credential) {
    if (credential instanceof UpstreamCredential.None
        || credential instanceof UpstreamCredential.StaticKey) {
      return Optional.empty();
    }
    Entry e = entries.computeIfAbsent(credential, c -> new Entry());
    synchronized (e) {
      Instant now = clock.instant();
      if (now.isBefore(e.refreshAt)) {
        return Optional.of("Bearer " + e.token);
      }
      JsonNode answer = fetch(credential);
      String token = answer.path("access_token").asText("");
      long expiresIn = answer.path("expires_in").asLong(0);
      if (token.isEmpty() || expiresIn <= 0) {
        throw new GatewayException("upstream credential: token response without access_token "
            + "or expires_in (expected: an OAuth2 token response)");
      }
      Duration life = Duration.ofSeconds(expiresIn);
      Duration margin = life.dividedBy(2).compareTo(MARGIN) < 0 ? life.dividedBy(2) : MARGIN;
      e.token = token;
      e.refreshAt = now.plus(life).minus(margin);
      return Optional.of("Bearer " + token);
    }
  }

  private JsonNode fetch(UpstreamCredential credential) {
    Request request = switch (credential) {
      case UpstreamCredential.OAuth2ClientCredentials c -> form(client.newRequest(c.tokenUrl()),
          "grant_type", "client_credentials", "client_id", c.clientId(),
          "client_secret", c.clientSecret().reveal(), "scope", c.scope().orElse(""));
      case UpstreamCredential.AzureManagedIdentity m -> {
        Request r = client.newRequest(m.endpoint()).method(HttpMethod.GET)
            .param("api-version", "2018-02-01").param("resource", m.resource())
            .headers(h -> h.put("Metadata", "true"));
        m.clientId().ifPresent(id -> r.param("client_id", id));
        yield r;
      }
      case UpstreamCredential.AzureWorkloadIdentity w -> {
        String assertion;
        try {
          assertion = Files.readString(w.tokenFile()).strip();
        } catch (IOException ex) {
          throw new GatewayException("upstream credential: federated token file unreadable "
              + "(expected: the file AZURE_FEDERATED_TOKEN_FILE names)", ex);
        }
        yield form(client.newRequest(w.authorityHost().resolve(w.tenantId()
                + "/oauth2/v2.0/token")),
            "grant_type", "client_credentials", "client_id", w.clientId(), "scope", w.scope(),
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion", assertion);
      }
      case UpstreamCredential.None n -> throw new IllegalStateException("none");
      case UpstreamCredential.StaticKey k -> throw new IllegalStateException("static");
    };
    try {
      ContentResponse r = request.timeout(10, TimeUnit.SECONDS).send();
      if (r.getStatus() != 200) {
        throw new GatewayException("upstream credential: token endpoint answered "
            + r.getStatus() + " (expected: 200)");
      }
      JsonNode node = json.readTree(r.getContent());
      // IMDS sends expires_in as a string; normalise
      if (node.path("expires_in").isTextual()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("expires_in",
            Long.parseLong(node.path("expires_in").asText("0")));
      }
      return node;
    } catch (GatewayException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new GatewayException("upstream credential: token endpoint unreachable "
          + "(expected: a reachable token endpoint)", e);
    }
  }

  private static Request form(Request request, String... kv) {
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (!kv[i + 1].isEmpty()) {
        body.add(kv[i] + "=" + URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
      }
    }
    return request.method(HttpMethod.POST).body(new StringRequestContent(
        "application/x-www-form-urlencoded", body.toString()));
  }
}
