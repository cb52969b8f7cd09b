package io.rampart.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Model deployments of Azure AI accounts through the ARM REST API: Resource Graph does not
 * index {@code Microsoft.CognitiveServices/accounts/deployments}, so a live scan lists them per
 * account ({@code GET {account}/deployments}, following {@code nextLink}). A failing account
 * becomes a {@link ScanError}; the other accounts are still read.
 */
final class ArmDeployments {
  static final String API_VERSION = "2024-10-01";
  private static final int MAX_PAGES = 50;

  private ArmDeployments() {}

  static void addAll(Collector c, HttpClient http, URI endpoint, TokenSource tokens) {
    Set<String> known = c.assets.stream().map(Asset::id).collect(Collectors.toSet());
    List<String> accounts = c.assets.stream()
        .filter(a -> a.kind() == AssetKind.AI_ACCOUNT && a.id().startsWith("/subscriptions/"))
        .map(Asset::id).toList();
    for (String account : accounts) {
      String where = "azure:arm" + account + "/deployments";
      URI next = endpoint.resolve(account.substring(1) + "/deployments?api-version=" + API_VERSION);
      for (int page = 0; page < MAX_PAGES && next != null; page++) {
        try {
          HttpResponse<String> resp = http.send(HttpRequest.newBuilder(next)
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + tokens.token().reveal())
              .GET().build(), HttpResponse.BodyHandlers.ofString());
          if (resp.statusCode() != 200) {
            String code = errorCode(resp.body());
            c.error(where, 0, "HTTP " + resp.statusCode() + (code.isEmpty() ? "" : " " + code)
                + " (expected: 200)");
            break;
          }
          JsonTree tree = JsonTree.parse(resp.body());
          Map<String, Object> root = Values.map(tree.root);
          for (Object row : Values.list(root.get("value"))) {
            add(c, tree, where, Values.map(row), known);
          }
          next = Values.string(root, "nextLink").filter(s -> !s.isBlank()).map(URI::create)
              .orElse(null);
        } catch (IOException e) {
          c.error(where, 0, "request failed: " + e.getClass().getSimpleName()
              + " (expected: a reachable Resource Manager endpoint)");
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          c.error(where, 0, "interrupted (expected: completion)");
          return;
        } catch (DiscoveryException | IllegalArgumentException e) {
          c.error(where, 0, e.getMessage());
          break;
        }
      }
    }
  }

  /** ARM's error code, or "" when the body is not ARM's JSON error (a proxy's HTML page). */
  private static String errorCode(String body) {
    try {
      return Values.string(JsonTree.parse(body).root, "error.code").orElse("");
    } catch (DiscoveryException e) {
      return "";
    }
  }

  private static void add(Collector c, JsonTree tree, String where, Map<String, Object> row,
      Set<String> known) {
    Optional<String> id = Values.string(row, "id").map(s -> s.toLowerCase(Locale.ROOT));
    if (id.isEmpty()) {
      c.error(where, tree.line(row), "deployment: no id (expected: an Azure resource ID)");
      return;
    }
    if (known.add(id.get())) {
      AzureResources.add(c, row, id.get(), AzureResources.parentOf(id.get()),
          new SourceRef(where, tree.line(row)));
    }
  }
}
