package io.rampart.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.core.auth.ApiToken;
import io.rampart.core.auth.ApiTokenStore;
import io.rampart.core.auth.IssuedToken;
import io.rampart.core.auth.Permission;
import io.rampart.core.auth.Role;
import io.rampart.core.auth.TokenEvents;
import io.rampart.core.auth.TokenTtl;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token management: list, create (bearer shown once) and revoke. Creation and revocation are
 * recorded in the event log as {@code token.created} and {@code token.revoked}, with the
 * caller's token name as principal and never the bearer value.
 */
final class TokenRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(TokenRoutes.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@:-]{0,63}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Set<String> FIELDS = Set.of("name", "role", "ttl");

  private final ApiTokenStore tokens;
  private final EventLog events;
  private final Clock clock;

  TokenRoutes(ApiTokenStore tokens, EventLog events, Clock clock) {
    this.tokens = requireNonNull(tokens, "tokens");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
  }

  List<Route> routes() {
    Access manage = Access.permission(Permission.TOKENS_MANAGE);
    return List.of(
        Route.of("GET", "/api/tokens", manage, "List API tokens (metadata only)", this::list),
        Route.of("POST", "/api/tokens", manage,
            "Create an API token; the bearer value is returned once", this::create),
        Route.of("DELETE", "/api/tokens/{id}", manage, "Revoke an API token", this::revoke));
  }

  private Reply list(Call call) {
    return Reply.json(Map.of("tokens", tokens.list().stream().map(this::json).toList()));
  }

  private Reply create(Call call) {
    ObjectNode body = call.jsonObject();
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        throw ApiException.badRequest(field + ": unknown field (expected: name, role, ttl)");
      }
    });
    String name = text(body, "name", "a token name").strip();
    if (!NAME.matcher(name).matches()) {
      throw ApiException.badRequest("name: " + abbreviate(name)
          + " (expected: 1-64 letters, digits, space or ._@:- starting with a letter or digit)");
    }
    Role role;
    Optional<Duration> ttl;
    try {
      role = Role.parse(text(body, "role", "admin, analyst, viewer or auditor"));
      ttl = body.hasNonNull("ttl")
          ? Optional.of(TokenTtl.parse(text(body, "ttl", "a duration such as 30d")))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    ApiToken caller = call.requireCaller();
    IssuedToken issued = ttl.isPresent()
        ? tokens.create(name, role, ttl.get())
        : tokens.create(name, role);
    ApiToken token = issued.token();
    try {
      EventDraft.Builder event = TokenEvents.created(caller.name(), token);
      token.expires().ifPresent(at -> event.attribute("expires_at", at.toString()));
      events.append(event.attribute("actor_token_id", caller.id()).build());
    } catch (RuntimeException e) {
      // a token nobody can audit must not stay usable
      tokens.revoke(token.id());
      LOG.error("recording token.created failed; token {} revoked again", token.id(), e);
      throw ApiException.unavailable("events: token.created could not be recorded, "
          + "so the token was not issued (expected: a working event log)");
    }
    Map<String, Object> reply = json(token);
    reply.put("token", issued.bearer().reveal());
    return Reply.json(201, reply).withHeader("Location", "/api/tokens/" + token.id());
  }

  private Reply revoke(Call call) {
    String id = call.pathParam("id");
    Optional<ApiToken> existing = ID.matcher(id).matches() ? tokens.find(id) : Optional.empty();
    if (existing.isEmpty()) {
      throw ApiException.notFound(
          "id: " + abbreviate(id) + " (expected: the id of an existing token)");
    }
    if (existing.get().revoked().isPresent()) {
      return Reply.noContent(); // idempotent; the first revocation was already recorded
    }
    if (!tokens.revoke(id)) {
      throw ApiException.notFound("id: " + id + " (expected: the id of an existing token)");
    }
    try {
      ApiToken caller = call.requireCaller();
      events.append(TokenEvents.revoked(caller.name(), existing.get())
          .attribute("actor_token_id", caller.id())
          .build());
    } catch (RuntimeException e) {
      LOG.error("token {} revoked but recording token.revoked failed", id, e);
      throw ApiException.unavailable("events: token revoked, but token.revoked could not be "
          + "recorded (expected: a working event log)");
    }
    return Reply.noContent();
  }


  private Map<String, Object> json(ApiToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("role", t.role().id());
    m.put("created", t.created().toString());
    m.put("expires_at", t.expires().map(Object::toString).orElse(null));
    m.put("revoked_at", t.revoked().map(Object::toString).orElse(null));
    m.put("active", t.activeAt(clock.instant()));
    return m;
  }

  private static String text(ObjectNode body, String field, String expected) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw ApiException.badRequest(field + ": missing (expected: " + expected + ")");
    }
    if (!node.isTextual()) {
      String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
      throw ApiException.badRequest(
          field + ": " + type + " (expected: a string, " + expected + ")");
    }
    return node.textValue();
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
