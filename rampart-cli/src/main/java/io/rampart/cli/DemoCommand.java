package io.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.core.RampartException;
import io.rampart.core.Secret;
import io.rampart.core.auth.ApiToken;
import io.rampart.core.auth.Role;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.config.ServerConfig;
import io.rampart.core.auth.TokenEvents;
import io.rampart.server.app.RampartApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rampart demo}: starts Rampart on embedded storage and walks through what it does, by
 * calling its own API the way a user would. Each capability adds its part here as it lands.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start Rampart on embedded storage and show what it does (nothing to install).")
final class DemoCommand implements Callable<Integer> {
  static final String DEMO_TOKEN_NAME = "demo admin";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "API port (default 8787; 0 = any free port).")
  int port = ServerConfig.DEFAULT.port();

  @Option(names = "--no-wait", description = "Exit after the walkthrough instead of serving until Ctrl-C.")
  boolean noWait;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    RampartCommand root = RampartCommand.root(spec);
    RampartConfig config = root.loadConfig();
    if (!root.dataDirGiven()) {
      config = config.withDataDir(config.dataDir().resolve("demo"));
    }
    config = config.withServer(new ServerConfig("127.0.0.1", port));
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    RampartApp app = startOnFreePortIfBusy(config, root, out);
    Secret token = demoToken(app, root);
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    try {
      banner(out, app, token, millis);
      walkthrough(out, app.apiUrl(), token);
      out.flush();
      if (noWait) {
        return 0;
      }
      out.println();
      out.println("Serving until Ctrl-C.");
      out.flush();
      CountDownLatch done = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(done::countDown, "rampart-demo-stop"));
      done.await();
      return 0;
    } finally {
      app.close();
    }
  }

  private RampartApp startOnFreePortIfBusy(RampartConfig config, RampartCommand root, PrintWriter out) {
    try {
      return RampartApp.start(config, root.env(), Clock.systemUTC());
    } catch (RampartException e) {
      if (port == 0 || !e.getMessage().contains("already in use")) {
        throw e;
      }
      out.println("Port " + port + " is in use; using a free port instead.");
      return RampartApp.start(config.withServer(new ServerConfig("127.0.0.1", 0)), root.env(), Clock.systemUTC());
    }
  }

  /**
   * The demo prints a working admin token every run: the env one, the one made on first start,
   * or a fresh one (earlier demo tokens are revoked so they do not pile up).
   */
  private static Secret demoToken(RampartApp app, RampartCommand root) {
    String fixed = root.env().getOrDefault(RampartApp.ADMIN_TOKEN_ENV, "");
    if (!fixed.isBlank()) {
      return Secret.of(fixed.strip());
    }
    if (app.newAdminToken().isPresent()) {
      return app.newAdminToken().get();
    }
    var tokens = app.services().tokens();
    for (ApiToken t : tokens.list()) {
      if (t.name().equals(DEMO_TOKEN_NAME) && t.revoked().isEmpty()) {
        tokens.revoke(t.id());
      }
    }
    var issued = tokens.create(DEMO_TOKEN_NAME, Role.ADMIN);
    app.services().eventLog().append(TokenEvents.created("demo", issued.token()).build());
    return issued.bearer();
  }

  private static void banner(PrintWriter out, RampartApp app, Secret token, long millis) {
    out.println("Rampart demo is up (started in " + millis + " ms).");
    out.println();
    out.println("  API:          " + app.apiUrl());
    out.println("  Admin token:  " + token.reveal());
    out.println("  Data:         " + ServeCommand.describeStorage(app.services().config()));
    out.println();
    out.println("Try it:");
    out.println("  curl -s -H 'Authorization: Bearer " + token.reveal() + "' " + app.apiUrl() + "/api/events");
    out.println("  curl -s -H 'Authorization: Bearer " + token.reveal() + "' " + app.apiUrl() + "/api/catalog/LLM01");
    out.println("  curl -s " + app.apiUrl() + "/metrics | head");
    out.println();
  }

  private void walkthrough(PrintWriter out, URI api, Secret token) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      out.println("1. The API refuses callers without a token:");
      HttpResponse<String> anonymous = get(http, api.resolve("/api/events"), null);
      out.println("   GET /api/events (no token) -> " + anonymous.statusCode());

      out.println("2. The risk catalog every finding maps to (OWASP LLM Top 10 2025):");
      JsonNode llm = json.readTree(get(http, api.resolve("/api/catalog?framework=owasp-llm"), token).body());
      for (JsonNode e : entries(llm)) {
        out.println("   " + e.path("id").asText() + "  " + e.path("name").asText());
      }
      JsonNode all = json.readTree(get(http, api.resolve("/api/catalog"), token).body());
      out.println("   (" + entries(all).size() + " entries in all: OWASP LLM, OWASP Agentic, MITRE ATLAS)");

      out.println("3. Every action lands in the event log:");
      JsonNode events = json.readTree(get(http, api.resolve("/api/events?limit=10"), token).body());
      for (JsonNode e : events.path("events")) {
        out.println("   " + e.path("time").asText() + "  " + pad(e.path("severity").asText(), 8)
            + pad(e.path("type").asText(), 18) + e.path("outcome").asText());
      }
    }
  }

  private static java.util.List<JsonNode> entries(JsonNode node) {
    JsonNode list = node.isArray() ? node : node.path("entries");
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, @Nullable Secret token)
      throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      req.header("Authorization", "Bearer " + token.reveal());
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }
}
