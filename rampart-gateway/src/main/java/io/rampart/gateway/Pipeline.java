package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request pipeline for one configuration snapshot, as decorators: authenticate, match the
 * route, authorize, read the body, enforce quotas, then {@link Forwarder} (inspect, call the
 * upstream, inspect the answer). A new configuration builds a new pipeline; quotas survive.
 */
final class Pipeline {
  private static final Pattern AZURE = Pattern.compile("/openai/deployments/([^/]+)/.*");

  private final GatewayConfig config;
  private final Clock clock;
  private final QuotaLimiter quotas;
  private final ObjectMapper json;
  private final Map<String, ApiKeyConfig> keysByHash = new HashMap<>();
  private final Map<String, ApiKeyConfig> keysByCertificate = new HashMap<>();
  private final List<RouteConfig> routes;
  private final Stage stage;
  private final int maxBodyBytes;
  private final Optional<JwtVerifier> jwt;

  Pipeline(GatewayConfig config, Clock clock, QuotaLimiter quotas, ObjectMapper json,
      Forwarder forwarder, int maxBodyBytes) {
    this.config = requireNonNull(config, "config");
    this.clock = requireNonNull(clock, "clock");
    this.quotas = requireNonNull(quotas, "quotas");
    this.json = requireNonNull(json, "json");
    this.maxBodyBytes = maxBodyBytes;
    this.jwt = config.oidc().map(o -> new JwtVerifier(o, clock));
    config.apiKeys().stream().filter(k -> !k.sha256().isEmpty())
        .forEach(k -> keysByHash.put(k.sha256(), k));
    config.apiKeys().stream().filter(k -> !k.clientCertificate().isEmpty())
        .forEach(k -> keysByCertificate.putIfAbsent(k.clientCertificate(), k));
    this.routes = config.routes().stream()
        .sorted(Comparator.comparingInt((RouteConfig r) -> r.pathPrefix().length()).reversed())
        .toList();
    this.stage = Stage.chain(
        List.of(this::route, this::authenticate, this::routeFound, this::authorize, this::quota), forwarder::handle);
  }

  GatewayConfig config() {
    return config;
  }

  Reply handle(Exchange ex) {
    return stage.handle(ex);
  }

  private Reply authenticate(Exchange ex, Stage next) {
    Optional<String> presented = presentedKey(ex);
    if (presented.isEmpty() && !ex.clientCertificates.isEmpty()) {
      return certificate(ex, next);
    }
    if (presented.isEmpty()) {
      return Errors.unauthorized(ex, "missing API key: send it as Authorization: Bearer <key>");
    }
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(presented.get())) {
      Optional<Exchange.Principal> p = jwt.get().verify(presented.get());
      if (p.isEmpty()) {
        return Errors.unauthorized(ex, "invalid or expired bearer token");
      }
      ex.principal = p.get();
      return next.handle(ex);
    }
    String hash = ApiKeyConfig.hash(presented.get());
    ApiKeyConfig key = keysByHash.get(hash);
    // the map lookup is on a digest; the final comparison runs in constant time anyway
    if (key == null || !MessageDigest.isEqual(key.sha256().getBytes(StandardCharsets.US_ASCII),
        hash.getBytes(StandardCharsets.US_ASCII)) || !key.activeAt(clock.instant())) {
      return Errors.unauthorized(ex, "invalid, expired or revoked API key");
    }
    ex.principal = new Exchange.Principal(key.principal(), List.copyOf(key.groups()), key);
    return next.handle(ex);
  }

  /**
   * A caller without a key but with a client certificate (already verified against the client
   * CA by the TLS handshake) is the principal configured for one of the certificate's names.
   */
  private Reply certificate(Exchange ex, Stage next) {
    for (String name : ClientCertificates.names(ex.clientCertificates.getFirst())) {
      ApiKeyConfig key = keysByCertificate.get(name);
      if (key != null) {
        if (!key.certificateActiveAt(clock.instant())) {
          return Errors.unauthorized(ex, "client certificate identity expired or revoked");
        }
        ex.principal = new Exchange.Principal(key.principal(), List.copyOf(key.groups()), key);
        return next.handle(ex);
      }
    }
    return Errors.unauthorized(ex, "missing API key, and the client certificate names no "
        + "configured principal");
  }

  private static Optional<String> presentedKey(Exchange ex) {
    String auth = ex.headers.get("authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String k = auth.substring(7).strip();
      return k.isEmpty() ? Optional.empty() : Optional.of(k);
    }
    for (String h : List.of("x-api-key", "api-key")) {
      String v = ex.headers.get(h);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.strip());
      }
    }
    return Optional.empty();
  }

  /** Matches the route first so that even a 401 has the route protocol's error shape. */
  private Reply route(Exchange ex, Stage next) {
    for (RouteConfig r : routes) {
      String p = r.pathPrefix();
      if (ex.path.equals(p) || ex.path.startsWith(p.endsWith("/") ? p : p + "/")) {
        ex.route = r;
        break;
      }
    }
    return next.handle(ex);
  }

  /** After authentication, so that anonymous callers cannot map the routes. */
  private Reply routeFound(Exchange ex, Stage next) {
    if (ex.route == null) {
      return Errors.status(ex, 404, "invalid_request_error", "unknown_route",
          "no gateway route serves this path");
    }
    return next.handle(ex);
  }

  private Reply authorize(Exchange ex, Stage next) {
    RouteConfig route = requireNonNull(ex.route, "route");
    Exchange.Principal p = requireNonNull(ex.principal, "principal");
    boolean keyAllows = p.key().routes().isEmpty() || p.key().routes().contains(route.name());
    boolean routeAllows = (route.allowGroups().isEmpty() && route.allowPrincipals().isEmpty())
        || route.allowPrincipals().contains(p.name())
        || p.groups().stream().anyMatch(route.allowGroups()::contains);
    if (!keyAllows || !routeAllows) {
      ex.rule("route.access");
      return Errors.policy(ex, "route_not_allowed", "request blocked by rule route.access: "
          + "principal " + p.name() + " may not use route " + route.name());
    }
    if (ex.method.equals("POST")) {
      Optional<Reply> bad = readJson(ex);
      if (bad.isPresent()) {
        return bad.get();
      }
    }
    Matcher azure = AZURE.matcher(ex.path);
    if (route.protocol() == Protocol.AZURE_OPENAI && azure.matches()) {
      ex.model = azure.group(1);
    }
    if (!ex.model.isEmpty() && !route.allowsModel(ex.model)) {
      ex.rule("route.models");
      return Errors.policy(ex, "model_not_allowed", "request blocked by rule route.models: "
          + "model " + ex.model + " is not allowed on route " + route.name());
    }
    if (route.condition().isPresent() && !CelCondition.test(route.condition().get(), ex)) {
      ex.rule("route.condition");
      return Errors.policy(ex, "condition_failed", "request blocked by rule route.condition "
          + "of route " + route.name());
    }
    return next.handle(ex);
  }

  private Optional<Reply> readJson(Exchange ex) {
    if (ex.body.length > maxBodyBytes) {
      return Optional.of(Errors.status(ex, 413, "invalid_request_error", "body_too_large",
          "request body larger than " + maxBodyBytes + " bytes"));
    }
    if (ex.body.length == 0) {
      return Optional.empty();
    }
    String type = ex.headers.get("content-type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      // what cannot be inspected does not pass (fail closed)
      return Optional.of(Errors.status(ex, 415, "invalid_request_error", "unsupported_media_type",
          "the gateway inspects JSON request bodies only"));
    }
    try {
      JsonNode node = json.readTree(ex.body);
      if (node instanceof ObjectNode o) {
        ex.json = o;
        ex.model = o.path("model").asText("");
        ex.stream = o.path("stream").asBoolean(false);
        return Optional.empty();
      }
    } catch (IOException e) {
      // answered below
    }
    return Optional.of(Errors.status(ex, 400, "invalid_request_error", "invalid_json",
        "request body is not a JSON object"));
  }

  private Reply quota(Exchange ex, Stage next) {
    RouteConfig route = requireNonNull(ex.route, "route");
    ApiKeyConfig key = requireNonNull(ex.principal, "principal").key();
    String p = "p:" + key.principal() + ":";
    String r = "r:" + route.name() + ":";
    ex.promptTokens = estimateTokens(ex);
    Optional<Duration> wait = quotas.tryAcquire(p + "req", key.requestsPerMinute(), 1)
        .or(() -> quotas.tryAcquire(r + "req", route.requestsPerMinute(), 1))
        .or(() -> quotas.tryAcquire(p + "tok", key.tokensPerMinute(), ex.promptTokens))
        .or(() -> quotas.tryAcquire(r + "tok", route.tokensPerMinute(), ex.promptTokens));
    if (wait.isPresent()) {
      ex.rule("quota");
      return Errors.status(ex, 429, "rate_limit_error", "rate_limit_exceeded",
          "quota exceeded for principal " + key.principal() + " or route " + route.name())
          .withHeader("Retry-After", Long.toString(wait.get().toSeconds()));
    }
    long estimate = ex.promptTokens;
    Reply reply = next.handle(ex);
    Runnable settle = () -> {
      long extra = ex.promptTokens + ex.completionTokens - estimate;
      if (key.tokensPerMinute() > 0) {
        quotas.add(p + "tok", extra);
      }
      if (route.tokensPerMinute() > 0) {
        quotas.add(r + "tok", extra);
      }
    };
    if (reply instanceof Reply.Streamed s) {
      return new Reply.Streamed(s.status(), s.headers(), s.contentType(), out -> {
        try {
          s.body().writeTo(out);
        } finally {
          settle.run();
        }
      });
    }
    settle.run();
    return reply;
  }

  private static long estimateTokens(Exchange ex) {
    if (ex.json == null) {
      return 0;
    }
    long chars = 0;
    for (TextSlot s : TextSlot.request(ex.json)) {
      chars += s.text().length();
    }
    return (chars + 3) / 4;
  }
}
