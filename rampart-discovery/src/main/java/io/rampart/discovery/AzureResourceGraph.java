package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live discovery through Azure Resource Graph: one KQL query over the given subscriptions,
 * paged with {@code $skipToken}, mapped exactly like {@code az graph query} output, then each AI
 * account's model deployments through the ARM REST API (Resource Graph does not index them). A
 * failing request becomes a {@link ScanError}; assets from pages already read are kept.
 */
public final class AzureResourceGraph {
  /** AI-relevant resource types; the default query. */
  public static final String DEFAULT_QUERY = """
      resources
      | where type in~ ('microsoft.cognitiveservices/accounts',
          'microsoft.cognitiveservices/accounts/deployments',
          'microsoft.machinelearningservices/workspaces',
          'microsoft.machinelearningservices/workspaces/onlineendpoints',
          'microsoft.search/searchservices', 'microsoft.keyvault/vaults',
          'microsoft.storage/storageaccounts', 'microsoft.apimanagement/service',
          'microsoft.network/privateendpoints')
      | project id, name, type, kind, location, tags, sku, identity, properties""";
  private static final String PATH =
      "providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01";
  private static final int MAX_PAGES = 200;

  private final HttpClient http;
  private final URI endpoint;
  private final TokenSource tokens;
  private final Clock clock;

  private AzureResourceGraph(HttpClient http, URI endpoint, TokenSource tokens, Clock clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** @param endpoint Resource Manager, e.g. {@code https://management.azure.com/} */
  public static AzureResourceGraph create(HttpClient http, URI endpoint, TokenSource tokens,
      Clock clock) {
    return new AzureResourceGraph(requireNonNull(http, "http"), requireNonNull(endpoint,
        "endpoint"), requireNonNull(tokens, "tokens"), requireNonNull(clock, "clock"));
  }

  /** Runs {@code query} over {@code subscriptions} (empty: every one the identity can see). */
  public Inventory scan(List<String> subscriptions, String query) {
    Collector c = new Collector(clock.instant());
    String where = "azure:resource-graph";
    String skip = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, Object> body = new LinkedHashMap<>();
      if (!subscriptions.isEmpty()) {
        body.put("subscriptions", subscriptions);
      }
      body.put("query", query);
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("resultFormat", "objectArray");
      if (!skip.isEmpty()) {
        options.put("$skipToken", skip);
      }
      body.put("options", options);
      try {
        HttpRequest req = HttpRequest.newBuilder(endpoint.resolve(PATH))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + tokens.token().reveal())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
            .build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonTree tree = JsonTree.parse(resp.body());
        if (resp.statusCode() != 200) {
          c.error(where, 0, "HTTP " + resp.statusCode() + " "
              + Values.string(tree.root, "error.code").orElse("") + " (expected: 200)");
          break;
        }
        AzureJsonReader.readResourceList(c, tree, where);
        skip = Values.string(tree.root, "$skipToken").orElse("");
        if (skip.isEmpty()) {
          break;
        }
      } catch (IOException e) {
        c.error(where, 0, "request failed: " + e.getClass().getSimpleName()
            + " (expected: a reachable Resource Manager endpoint)");
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        c.error(where, 0, "interrupted (expected: completion)");
        break;
      } catch (DiscoveryException e) {
        c.error(where, 0, e.getMessage());
        break;
      }
    }
    ArmDeployments.addAll(c, http, endpoint, tokens);
    return Linker.link(Inventory.of(new ArrayList<>(c.assets), c.relationships, c.errors));
  }
}
