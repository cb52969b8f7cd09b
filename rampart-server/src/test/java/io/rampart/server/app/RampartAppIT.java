package io.rampart.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.Secret;
import io.rampart.core.config.EventsConfig;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired application on real embedded storage, through its HTTP API. */
class RampartAppIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @AfterAll
  static void closeClient() {
    HTTP.close();
  }

  private RampartConfig config() {
    return RampartConfig.defaults().withDataDir(dataDir).withServer(new ServerConfig("127.0.0.1", 0));
  }

  @Test
  void firstStartPrintsAnAdminTokenOnceAndItWorks() throws Exception {
    String token;
    try (RampartApp app = RampartApp.start(config(), Map.of(), Clock.systemUTC())) {
      token = app.newAdminToken().map(Secret::reveal).orElseThrow();
      JsonNode me = get(app.apiUrl(), "/api/whoami", token);
      assertThat(me.path("role").asText()).isEqualTo("admin");
    }
    try (RampartApp again = RampartApp.start(config(), Map.of(), Clock.systemUTC())) {
      assertThat(again.newAdminToken()).isEmpty();
      assertThat(get(again.apiUrl(), "/api/whoami", token).path("role").asText()).isEqualTo("admin");
    }
  }

  @Test
  void adminTokenFromTheEnvironmentIsUsedAndNotPrinted() throws Exception {
    String token = "env-admin-token-0123456789abcdef";
    try (RampartApp app = RampartApp.start(config(), Map.of("RAMPART_ADMIN_TOKEN", token), Clock.systemUTC())) {
      assertThat(app.newAdminToken()).isEmpty();
      assertThat(get(app.apiUrl(), "/api/whoami", token).path("role").asText()).isEqualTo("admin");
      assertThat(status(app.apiUrl(), "/api/whoami", "env-admin-token-0123456789abcdeX")).isEqualTo(401);
    }
  }

  @Test
  void configChangesAreRecordedOncePerChange() throws Exception {
    Map<String, String> env = Map.of("RAMPART_ADMIN_TOKEN", "env-admin-token-0123456789abcdef");
    try (RampartApp app = RampartApp.start(config(), env, Clock.systemUTC())) {
      assertThat(app.recentEventCount()).isPositive();
    }
    try (RampartApp app = RampartApp.start(config(), env, Clock.systemUTC())) {
      assertThat(types(app, "config.changed")).hasSize(1);
    }
    RampartConfig changed =
        config().toBuilder().events(new EventsConfig(Duration.ofDays(30))).build();
    try (RampartApp app = RampartApp.start(changed, env, Clock.systemUTC())) {
      List<JsonNode> changes = types(app, "config.changed");
      assertThat(changes).hasSize(2);
      assertThat(changes.getFirst().path("attributes").path("reason").asText()).isEqualTo("configuration changed");
      assertThat(status(app.apiUrl(), "/readyz", null)).isEqualTo(200);
    }
  }

  @Test
  void aChangedConfigFileIsAppliedAndABrokenOneRefused() throws Exception {
    String token = "env-admin-token-0123456789abcdef";
    java.nio.file.Path file = dataDir.resolve("rampart.yaml");
    java.nio.file.Files.writeString(file, "events:\n  retention: 90d\n");
    try (RampartApp app = RampartApp.start(config(), Map.of("RAMPART_ADMIN_TOKEN", token),
        Clock.systemUTC(), file)) {
      assertThat(app.reloadNow()).isFalse();
      java.nio.file.Files.writeString(file, "events:\n  retention: 30d\n");
      assertThat(app.reloadNow()).isTrue();
      JsonNode changed = types(app, "config.changed").getFirst();
      assertThat(changed.path("attributes").path("source").asText()).isEqualTo(file.toString());

      java.nio.file.Files.writeString(file, "events:\n  retention: soon\n");
      assertThat(app.reloadNow()).isFalse();
      JsonNode rejected = types(app, "config.rejected").getFirst();
      assertThat(rejected.path("attributes").path("first_problem").asText())
          .contains("rampart.yaml:2: events.retention");
      assertThat(types(app, "config.changed")).hasSize(2);
    }
  }

  @Test
  void aReloadThatChangesTheGatewayRecordsOneConfigChanged() throws Exception {
    // regression: the watcher and the gateway each wrote config.changed for one change
    String token = "env-admin-token-0123456789abcdef";
    java.nio.file.Path file = dataDir.resolve("rampart.yaml");
    String yaml = """
        gateway:
          enabled: true
          port: 0
          guard-model: disabled
          routes:
            - name: openai
              path-prefix: /v1
              upstreams: [http://127.0.0.1:9/v1]
              requests-per-minute: %d
        """;
    java.nio.file.Files.writeString(file, yaml.formatted(10));
    Map<String, String> env = Map.of("RAMPART_ADMIN_TOKEN", token);
    RampartConfig initial = io.rampart.core.config.ConfigLoader.load(file, env)
        .withDataDir(dataDir).withServer(new ServerConfig("127.0.0.1", 0));
    try (RampartApp app = RampartApp.start(initial, env, Clock.systemUTC(), file)) {
      int before = types(app, "config.changed").size();
      java.nio.file.Files.writeString(file, yaml.formatted(20));
      assertThat(app.reloadNow()).isTrue();
      assertThat(types(app, "config.changed")).hasSize(before + 1);
    }
  }

  @Test
  void exportsOcsfThroughTheApi() throws Exception {
    String token = "env-admin-token-0123456789abcdef";
    try (RampartApp app = RampartApp.start(config(), Map.of("RAMPART_ADMIN_TOKEN", token), Clock.systemUTC())) {
      HttpResponse<String> r = send(app.apiUrl(), "/api/events/export?format=ocsf", token);
      assertThat(r.statusCode()).isEqualTo(200);
      List<String> lines = r.body().lines().toList();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        JsonNode e = JSON.readTree(line);
        assertThat(e.path("class_uid").asInt()).isPositive();
        assertThat(e.path("metadata").path("uid").asText()).isNotBlank();
      }
    }
  }

  private static List<JsonNode> types(RampartApp app, String type) throws Exception {
    String token = "env-admin-token-0123456789abcdef";
    JsonNode page = get(app.apiUrl(), "/api/events?type=" + type, token);
    List<JsonNode> out = new java.util.ArrayList<>();
    page.path("events").forEach(out::add);
    return out;
  }

  private static JsonNode get(URI api, String path, String token) throws Exception {
    HttpResponse<String> r = send(api, path, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static int status(URI api, String path, String token) throws Exception {
    return send(api, path, token).statusCode();
  }

  @Test
  void configuredSchedulesStartThroughTheApiAndAreListed() throws Exception {
    Path estate = dataDir.resolve("rg.json");
    java.nio.file.Files.writeString(estate, "{\"data\": [{\"id\": \"/subscriptions/1/resourceGroups/"
        + "ai/providers/Microsoft.CognitiveServices/accounts/a\", \"name\": \"a\", \"type\":"
        + " \"microsoft.cognitiveservices/accounts\", \"properties\": {}}]}");
    RampartConfig config = io.rampart.core.config.ConfigLoader.parse("""
        data-dir: %s
        server:
          host: 127.0.0.1
          port: 0
        assessments:
          schedules:
            - name: estate
              cron: "0 0 1 1 *"
              sources: [%s]
        """.formatted(dataDir.resolve("data"), estate), "rampart.yaml", dataDir, Map.of());
    String token = "it-admin-token-0123456789abcdef";
    try (RampartApp app = RampartApp.start(config, Map.of("RAMPART_ADMIN_TOKEN", token),
        Clock.systemUTC())) {
      HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
              app.apiUrl().resolve("/api/assessments"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"schedule\": \"estate\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      String id = JSON.readTree(started.body()).get("id").asText();
      JsonNode list = JSON.readTree(send(app.apiUrl(), "/api/assessments", token).body());
      assertThat(list.get("assessments").findValuesAsText("id")).contains(id);
      assertThat(list.get("assessments").get(0).get("scope").asText()).isEqualTo("estate");
      assertThat(send(app.apiUrl(), "/api/findings", token).statusCode()).isEqualTo(200);
      assertThat(send(app.apiUrl(), "/api/assets?include-missing=true", token).statusCode())
          .isEqualTo(200);
    }
  }

  private static HttpResponse<String> send(URI api, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
