package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.Permission;
import io.rampart.core.catalog.CatalogEntry;
import io.rampart.core.catalog.EntryKind;
import io.rampart.core.catalog.Framework;
import io.rampart.core.catalog.RiskCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code GET /api/catalog} (filtered list) and {@code GET /api/catalog/{id}}. */
final class CatalogRoutes {
  private static final int MAX_ID_LENGTH = 64;

  private final RiskCatalog catalog;

  CatalogRoutes(RiskCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
  }

  List<Route> routes() {
    Access read = Access.permission(Permission.CATALOG_READ);
    return List.of(
        Route.of("GET", "/api/catalog", read,
                "List risk catalog entries, optionally by framework and kind", this::list)
            .withQueryParams("framework", "kind"),
        Route.of("GET", "/api/catalog/{id}", read,
            "One catalog entry and the entries that reference it", this::one));
  }

  private Reply list(Call call) {
    Optional<Framework> framework = call.queryParam("framework").map(CatalogRoutes::framework);
    Optional<EntryKind> kind = call.queryParam("kind").map(CatalogRoutes::kind);
    List<CatalogEntry> entries = framework.map(catalog::entries).orElseGet(catalog::entries);
    List<Map<String, Object>> body = entries.stream()
        .filter(e -> kind.isEmpty() || e.kind() == kind.get())
        .map(EventJson::catalogEntry)
        .toList();
    return Reply.json(Map.of("entries", body));
  }

  private Reply one(Call call) {
    String id = call.pathParam("id");
    Optional<CatalogEntry> entry =
        id.length() > MAX_ID_LENGTH ? Optional.empty() : catalog.find(id);
    if (entry.isEmpty()) {
      throw ApiException.notFound(
          "id: " + abbreviate(id) + " (expected: a catalog ID such as LLM01 or AML.T0051)");
    }
    Map<String, Object> body = new LinkedHashMap<>(EventJson.catalogEntry(entry.get()));
    body.put("referenced_by",
        catalog.relatedTo(entry.get().id()).stream().map(CatalogEntry::id).toList());
    return Reply.json(body);
  }

  private static Framework framework(String text) {
    try {
      return Framework.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static EntryKind kind(String text) {
    for (EntryKind k : EntryKind.values()) {
      if (k.id().equalsIgnoreCase(text.strip())) {
        return k;
      }
    }
    throw ApiException.badRequest("kind: " + abbreviate(text) + " (expected: "
        + Arrays.stream(EntryKind.values()).map(EntryKind::id).collect(Collectors.joining(", "))
        + ")");
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_ID_LENGTH ? text : text.substring(0, MAX_ID_LENGTH) + "...";
  }
}
