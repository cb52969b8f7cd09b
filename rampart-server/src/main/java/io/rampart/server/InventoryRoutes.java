package io.rampart.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.core.auth.Permission;
import io.rampart.core.event.Severity;
import io.rampart.core.inventory.AssessmentRun;
import io.rampart.core.inventory.AssetQuery;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.FindingQuery;
import io.rampart.core.inventory.FindingStatus;
import io.rampart.core.inventory.InventoryStore;
import io.rampart.core.inventory.Page;
import io.rampart.core.inventory.StoredFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The stored inventory and assessments: {@code /api/assets}, {@code /api/findings}, {@code
 * /api/assessments}. Reading needs {@code events_read} (findings are security events' source);
 * starting a run needs {@code operate}. Lists page with opaque cursors like {@code /api/events}.
 */
final class InventoryRoutes {
  private static final Pattern WORD = Pattern.compile("[a-z0-9_.:-]{1,200}");
  private static final Pattern RUN_ID = Pattern.compile("[0-9A-Z]{26}");

  private final InventoryStore store;
  private final AssessmentLauncher launcher;

  InventoryRoutes(InventoryStore store, AssessmentLauncher launcher) {
    this.store = requireNonNull(store, "store");
    this.launcher = requireNonNull(launcher, "launcher");
  }

  List<Route> routes() {
    Access read = Access.permission(Permission.EVENTS_READ);
    return List.of(
        Route.of("GET", "/api/assets", read, "List inventory assets by ID (missing ones with"
                + " include-missing=true)", this::assets)
            .withQueryParams("kind", "provider", "include-missing", "cursor", "limit"),
        Route.of("GET", "/api/assets/{ref}", read, "One asset with its relationships; ref is"
            + " the asset's ref from the list (its ID, base64url)", this::asset),
        Route.of("GET", "/api/findings", read, "Findings, most severe first; by default the"
                + " unresolved findings of the latest run of every scope", this::findings)
            .withQueryParams("severity", "rule", "asset", "assessment", "status", "cursor",
                "limit"),
        Route.of("GET", "/api/assessments", read, "Assessment runs, newest first",
            this::assessments).withQueryParams("cursor", "limit"),
        Route.of("GET", "/api/assessments/{id}", read, "One assessment run", this::assessment),
        Route.of("POST", "/api/assessments", Access.permission(Permission.OPERATE),
            "Start a run of a configured schedule now: {\"schedule\": name}", this::launch));
  }

  private Reply assets(Call call) {
    AssetQuery.Builder q = AssetQuery.builder();
    call.queryParam("kind").ifPresent(k -> q.kind(word("kind", k)));
    call.queryParam("provider").ifPresent(p -> q.provider(word("provider", p)));
    call.queryParam("include-missing").ifPresent(m -> q.includeMissing(bool("include-missing", m)));
    call.queryParam("cursor").ifPresent(c -> q.cursor(cursor(c)));
    call.queryParam("limit").ifPresent(l -> q.limit(limit(l, AssetQuery.MAX_LIMIT)));
    Page<AssetRecord> page = query(() -> store.assets(q.build()));
    return page("assets", page, InventoryJson::asset);
  }

  private Reply asset(Call call) {
    String ref = call.pathParam("ref");
    Optional<AssetRecord> found = store.asset(ref);
    if (found.isEmpty()) {
      found = InventoryJson.unref(ref).flatMap(store::asset);
    }
    AssetRecord a = found.orElseThrow(() -> ApiException.notFound(
        "asset: " + shown(ref) + " (expected: the ref or ID of a stored asset)"));
    return Reply.json(InventoryJson.assetDetail(a, store.links(a.id())));
  }

  private Reply findings(Call call) {
    FindingQuery.Builder q = FindingQuery.builder();
    for (String s : EventRoutes.commaSeparated(call.queryValues("severity"))) {
      q.severity(parse("severity", s, Severity::parse, "info, low, medium, high or critical"));
    }
    call.queryParam("rule").ifPresent(r -> q.rule(word("rule", r)));
    call.queryParam("asset").ifPresent(a -> q.asset(nonBlank("asset", a)));
    call.queryParam("assessment").ifPresent(a -> q.assessment(runId("assessment", a)));
    for (String s : EventRoutes.commaSeparated(call.queryValues("status"))) {
      q.status(parse("status", s, FindingStatus::parse, "new, open or resolved"));
    }
    call.queryParam("cursor").ifPresent(c -> q.cursor(cursor(c)));
    call.queryParam("limit").ifPresent(l -> q.limit(limit(l, FindingQuery.MAX_LIMIT)));
    Page<StoredFinding> page = query(() -> store.findings(q.build()));
    return page("findings", page, InventoryJson::finding);
  }

  private Reply assessments(Call call) {
    int limit = call.queryParam("limit").map(l -> limit(l, 1000)).orElse(50);
    String cursor = call.queryParam("cursor").map(InventoryRoutes::cursor).orElse("");
    return page("assessments", query(() -> store.assessments(limit, cursor)), InventoryJson::run);
  }

  private Reply assessment(Call call) {
    String id = call.pathParam("id");
    return store.assessment(id).map(r -> Reply.json(InventoryJson.run(r))).orElseThrow(
        () -> ApiException.notFound("assessment: " + shown(id)
            + " (expected: the id of a stored assessment)"));
  }

  private Reply launch(Call call) {
    ObjectNode body = call.jsonObject();
    body.fieldNames().forEachRemaining(f -> {
      if (!f.equals("schedule")) {
        throw ApiException.badRequest("body: unknown field " + shown(f)
            + " (expected: only schedule)");
      }
    });
    JsonNode name = body.get("schedule");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw ApiException.badRequest("schedule: missing (expected: the name of a schedule, one"
          + " of " + launcher.schedules() + ")");
    }
    AssessmentRun run;
    try {
      run = launcher.launch(name.asText());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (IllegalStateException e) {
      throw ApiException.conflict(e.getMessage());
    }
    return Reply.json(201, InventoryJson.run(run))
        .withHeader("Location", "/api/assessments/" + run.id());
  }

  private static <T> Reply page(String key, Page<T> page, Function<T, Map<String, Object>> json) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, page.items().stream().map(json).toList());
    body.put("next_cursor", page.nextCursor().orElse(null));
    return Reply.json(body);
  }

  private static <T> T query(Supplier<T> query) {
    try {
      return query.get();
    } catch (IllegalArgumentException e) {
      // the store rejects cursors it did not issue with a field: value message
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static <T> T parse(String param, String value, Function<String, T> parser,
      String expected) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(param + ": " + shown(value) + " (expected: " + expected + ")");
    }
  }

  private static String word(String param, String value) {
    String v = value.strip();
    if (!WORD.matcher(v).matches()) {
      throw ApiException.badRequest(param + ": " + shown(value)
          + " (expected: lower-case letters, digits and ._:- such as ai_account)");
    }
    return v;
  }

  private static String runId(String param, String value) {
    if (!RUN_ID.matcher(value).matches()) {
      throw ApiException.badRequest(param + ": " + shown(value)
          + " (expected: an assessment id from /api/assessments)");
    }
    return value;
  }

  private static String nonBlank(String param, String value) {
    if (value.isBlank() || value.length() > 2000) {
      throw ApiException.badRequest(param + ": " + (value.isBlank() ? "blank" : "too long")
          + " (expected: an asset ID)");
    }
    return value;
  }

  private static boolean bool(String param, String value) {
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest(param + ": " + shown(value)
          + " (expected: true or false)");
    };
  }

  private static int limit(String value, int max) {
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below, same message as out of range
    }
    throw ApiException.badRequest("limit: " + shown(value) + " (expected: an integer 1.." + max
        + ")");
  }

  private static String cursor(String cursor) {
    if (cursor.isBlank() || cursor.length() > 8192) {
      throw ApiException.badRequest("cursor: " + (cursor.isBlank() ? "blank" : "too long")
          + " (expected: next_cursor from a previous page)");
    }
    return cursor;
  }

  private static String shown(String value) {
    String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return v.replaceAll("\\p{Cntrl}", "?");
  }
}
