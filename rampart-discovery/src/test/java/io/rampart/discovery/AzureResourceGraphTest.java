package io.rampart.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rampart.core.Secret;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live Resource Graph discovery against a local fake of Entra ID and Resource Manager. */
class AzureResourceGraphTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private int graphStatus = 200;
  private int deploymentsStatus = 200;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/tenant-1/oauth2/v2.0/token", ex -> {
      String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add("token " + form.contains("client_secret=s3cret"));
      reply(ex, 200, "{\"access_token\": \"tok-1\", \"expires_in\": 3600}");
    });
    server.createContext("/providers/Microsoft.ResourceGraph/resources", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add("graph " + ex.getRequestHeaders().getFirst("Authorization") + " "
          + body.contains("\"$skipToken\":\"page2\""));
      if (graphStatus != 200) {
        reply(ex, graphStatus, "{\"error\": {\"code\": \"AuthorizationFailed\"}}");
      } else if (!body.contains("page2")) {
        reply(ex, 200, """
            {"totalRecords": 2, "count": 1, "$skipToken": "page2", "data": [
              {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/live",
               "name": "live", "type": "microsoft.cognitiveservices/accounts", "kind": "OpenAI",
               "properties": {"publicNetworkAccess": "Enabled"}}]}
            """);
      } else {
        reply(ex, 200, """
            {"totalRecords": 2, "count": 1, "data": [
              {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Search/searchServices/s",
               "name": "s", "type": "microsoft.search/searchservices", "properties": {}}]}
            """);
      }
    });
    String account = "/subscriptions/s/resourcegroups/rg/providers/microsoft.cognitiveservices"
        + "/accounts/live";
    server.createContext(account + "/deployments", ex -> {
      String query = ex.getRequestURI().getRawQuery();
      requests.add("deployments " + ex.getRequestHeaders().getFirst("Authorization") + " "
          + query);
      if (deploymentsStatus != 200) {
        reply(ex, deploymentsStatus, "{\"error\": {\"code\": \"ResourceNotFound\"}}");
      } else if (!query.contains("page=2")) {
        String next = "http://127.0.0.1:" + server.getAddress().getPort() + account
            + "/deployments?api-version=2024-10-01&page=2";
        reply(ex, 200, """
            {"value": [{"id": "%s/deployments/gpt-4o", "name": "gpt-4o",
              "type": "Microsoft.CognitiveServices/accounts/deployments",
              "sku": {"name": "GlobalStandard", "capacity": 10},
              "properties": {"model": {"format": "OpenAI", "name": "gpt-4o",
                "version": "2024-08-06"}, "raiPolicyName": "Microsoft.DefaultV2"}}],
             "nextLink": "%s"}
            """.formatted(account, next));
      } else {
        reply(ex, 200, """
            {"value": [{"id": "%s/deployments/embed", "name": "embed",
              "type": "Microsoft.CognitiveServices/accounts/deployments",
              "properties": {"model": {"format": "OpenAI", "name": "text-embedding-3-small",
                "version": "1"}}}]}
            """.formatted(account));
      }
    });
    server.start();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body)
      throws java.io.IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private AzureResourceGraph graph() {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    HttpClient http = HttpClient.newHttpClient();
    TokenSource tokens = TokenSource.clientSecret(http, base, "tenant-1", "client-1",
        Secret.of("s3cret"), TestFiles.CLOCK);
    return AzureResourceGraph.create(http, base, tokens, TestFiles.CLOCK);
  }

  @Test
  void pagesThroughResultsWithACachedToken() {
    Inventory inv = graph().scan(List.of("s"), AzureResourceGraph.DEFAULT_QUERY);
    assertThat(inv.errors()).isEmpty();
    assertThat(inv.assets()).extracting(Asset::name).contains("live", "s");
    assertThat(inv.assets().getFirst().properties()).containsEntry("exposure", "internet");
    assertThat(requests).startsWith("token true", "graph Bearer tok-1 false",
        "graph Bearer tok-1 true");
  }

  @Test
  void modelDeploymentsThatResourceGraphDoesNotIndexAreReadFromArm() {
    Inventory inv = graph().scan(List.of("s"), AzureResourceGraph.DEFAULT_QUERY);

    assertThat(inv.errors()).isEmpty();
    assertThat(inv.assets()).filteredOn(a -> a.kind() == AssetKind.MODEL_DEPLOYMENT)
        .extracting(Asset::name).containsExactly("gpt-4o", "embed");
    assertThat(requests).endsWith(
        "deployments Bearer tok-1 api-version=2024-10-01",
        "deployments Bearer tok-1 api-version=2024-10-01&page=2");
    Asset account = inv.assets().stream().filter(a -> a.name().equals("live")).findFirst()
        .orElseThrow();
    assertThat(inv.relationships()).anySatisfy(r -> {
      assertThat(r.from()).endsWith("/deployments/gpt-4o");
      assertThat(r.to()).isEqualTo(account.id());
    });
  }

  @Test
  void aFailingDeploymentListIsAScanErrorAndTheAccountIsKept() {
    deploymentsStatus = 403;
    Inventory inv = graph().scan(List.of("s"), AzureResourceGraph.DEFAULT_QUERY);

    assertThat(inv.assets()).extracting(Asset::name).containsExactly("live", "s");
    assertThat(inv.errors()).singleElement().satisfies(e ->
        assertThat(e.message()).isEqualTo("HTTP 403 ResourceNotFound (expected: 200)"));
  }

  @Test
  void httpErrorsBecomeScanErrors() {
    graphStatus = 403;
    Inventory inv = graph().scan(List.of(), AzureResourceGraph.DEFAULT_QUERY);
    assertThat(inv.assets()).isEmpty();
    assertThat(inv.errors()).singleElement().satisfies(e ->
        assertThat(e.message()).isEqualTo("HTTP 403 AuthorizationFailed (expected: 200)"));
  }
}
