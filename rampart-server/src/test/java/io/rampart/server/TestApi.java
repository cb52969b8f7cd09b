package io.rampart.server;

import io.rampart.core.storage.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rampart.core.auth.Role;
import io.rampart.core.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An in-process {@link ApiServer} on an ephemeral port over in-memory fakes, with one token per
 * role, and a small HTTP client for tests.
 */
final class TestApi implements AutoCloseable {
  static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
  static final String CONFIG_YAML = "server:\n  port: 0\nstorage:\n  password: <redacted>\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  final TestClock clock;
  final InMemoryEventLog events;
  final InMemoryTokenStore tokens;
  final PrometheusMeterRegistry meters;
  final Map<Role, String> bearer = new EnumMap<>(Role.class);
  final ApiServer server;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** Fresh fakes and a builder over them, for tests that need a server they do not start. */
  static final class Fixture {
    final TestClock clock = TestClock.at(START);
    final InMemoryEventLog events = new InMemoryEventLog(clock);
    final InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ApiServer.Builder builder() {
      return ApiServer.builder()
          .config(new ServerConfig("127.0.0.1", 0))
          .eventLog(events)
          .tokens(tokens)
          .catalog(new FakeRiskCatalog())
          .meterRegistry(meters)
          .clock(clock)
          .configView(() -> CONFIG_YAML)
          .version("test");
    }
  }

  TestApi() {
    this(b -> b);
  }

  TestApi(UnaryOperator<ApiServer.Builder> customize) {
    Fixture fixture = new Fixture();
    clock = fixture.clock;
    events = fixture.events;
    tokens = fixture.tokens;
    meters = fixture.meters;
    for (Role role : Role.values()) {
      bearer.put(role, tokens.issue(role.id(), role));
    }
    server = customize.apply(fixture.builder()).build().start();
  }

  String admin() {
    return bearer.get(Role.ADMIN);
  }

  HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, null, null);
  }

  HttpResponse<String> post(String path, String token, String body) {
    return send("POST", path, token, body, "application/json");
  }

  HttpResponse<String> delete(String path, String token) {
    return send("DELETE", path, token, null, null);
  }

  HttpResponse<String> send(
      String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** The {@code error.code} of a JSON error response. */
  static String errorCode(HttpResponse<String> response) {
    return json(response).path("error").path("code").asText();
  }

  static String errorMessage(HttpResponse<String> response) {
    return json(response).path("error").path("message").asText();
  }

  @Override
  public void close() {
    // client first: an idle keep-alive connection would hold up Jetty's graceful stop
    http.close();
    server.close();
  }
}
