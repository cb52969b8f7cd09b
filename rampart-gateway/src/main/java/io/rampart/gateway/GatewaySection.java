package io.rampart.gateway;

import io.rampart.core.Secret;
import io.rampart.core.config.ConfigExtension;
import io.rampart.core.config.ConfigNode;
import io.rampart.core.config.RampartConfig;
import io.rampart.dlp.RedactionAction;
import io.rampart.dlp.RedactionPolicy;
import io.rampart.dlp.SensitivityLabel;
import io.rampart.guard.GuardSection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gateway:} of rampart.yaml, bound through {@link GatewayConfig.Builder} so that every
 * problem is reported against its line. Registered with core's config
 * loader as a {@link ConfigExtension} through {@code META-INF/services}.
 */
public final class GatewaySection implements ConfigExtension<GatewayConfig> {
  /** The one instance; the no-argument constructor exists for {@link java.util.ServiceLoader}. */
  public static final GatewaySection INSTANCE = new GatewaySection();

  public GatewaySection() {}

  private static final String[] ROUTE_KEYS = {
    "name", "path-prefix", "protocol", "upstreams", "models", "credential", "allow-groups",
    "allow-principals", "requests-per-minute", "tokens-per-minute", "policy", "condition"
  };
  private static final String[] KEY_KEYS = {
    "principal", "key", "key-sha256", "groups", "routes", "expires", "revoked",
    "requests-per-minute", "tokens-per-minute", "client-certificate"
  };

  /** The top-level YAML key. */
  @Override
  public String key() {
    return "gateway";
  }

  /** The value when the file has no {@code gateway:} section. */
  @Override
  public GatewayConfig defaults() {
    return GatewayConfig.DEFAULT;
  }

  /** A route's {@code policy.guard.policy} must name a policy of the {@code guard:} section. */
  @Override
  public void check(GatewayConfig value, RampartConfig config, ConfigNode node) {
    Set<String> known = config.extension(GuardSection.INSTANCE).named().keySet();
    List<ConfigNode> items = node.get("routes").map(ConfigNode::items).orElse(List.of());
    for (int i = 0; i < value.routes().size() && i < items.size(); i++) {
      Optional<String> named = value.routes().get(i).policy().guard().policy();
      if (named.isPresent() && !known.contains(named.get())) {
        ConfigNode at = items.get(i).get("policy").flatMap(p -> p.get("guard"))
            .flatMap(g -> g.get("policy")).orElse(items.get(i));
        at.report(named.get() + " (expected: a policy under guard.policies"
            + (known.isEmpty() ? ", and there are none" : ": " + String.join(", ", known)) + ")");
      }
    }
  }

  /** Binds a present node; problems go to the node and the default is returned. */
  @Override
  public GatewayConfig read(ConfigNode node) {
    GatewayConfig.Builder b = GatewayConfig.builder();
    if (node.allowKeys("enabled", "host", "port", "max-in-flight", "connect-timeout",
        "upstream-timeout", "detector-timeout", "http2", "tls", "oidc", "routes", "api-keys", "guard-model")) {
      node.field("enabled", ConfigNode::asBool, b::enabled);
      node.field("host", ConfigNode::asString, b::host);
      node.field("port", ConfigNode::asInt, b::port);
      node.field("max-in-flight", ConfigNode::asInt, b::maxInFlight);
      node.field("connect-timeout", ConfigNode::asDuration, b::connectTimeout);
      node.field("upstream-timeout", ConfigNode::asDuration, b::upstreamTimeout);
      node.field("detector-timeout", ConfigNode::asDuration, b::detectorTimeout);
      node.field("http2", ConfigNode::asBool, b::http2);
      node.field("guard-model", n -> n.asString().flatMap(t -> parse(n, () -> switch (t) {
        case "enabled" -> true;
        case "disabled" -> false;
        default -> throw new IllegalArgumentException(t);
      }, "enabled or disabled")), b::guardModel);
      node.get("tls").flatMap(ListenerYaml::tls).ifPresent(b::tls);
      node.get("oidc").flatMap(ListenerYaml::oidc).ifPresent(b::oidc);
      node.get("routes").ifPresent(rs -> rs.items().forEach(r -> route(r).ifPresent(b::route)));
      node.get("api-keys").ifPresent(ks -> ks.items().forEach(k -> apiKey(k).ifPresent(b::apiKey)));
    }
    return node.build(b::build, GatewayConfig.DEFAULT);
  }

  private static Optional<RouteConfig> route(ConfigNode node) {
    if (!node.allowKeys(ROUTE_KEYS)) {
      return Optional.empty();
    }
    Optional<String> name = node.get("name").flatMap(ConfigNode::asString);
    if (name.isEmpty()) {
      node.report("missing key: name (expected: a route name)");
      return Optional.empty();
    }
    RouteConfig.Builder b = RouteConfig.builder(name.get());
    node.field("path-prefix", ConfigNode::asString, b::pathPrefix);
    node.field("protocol", n -> n.asEnum(Protocol.class), b::protocol);
    node.get("upstreams").ifPresent(
        us -> us.items().forEach(u -> u.asUrl().ifPresent(b::upstream)));
    node.field("models", GatewaySection::strings, b::models);
    node.field("allow-groups", GatewaySection::strings, b::allowGroups);
    node.field("allow-principals", GatewaySection::strings, b::allowPrincipals);
    node.field("requests-per-minute", ConfigNode::asInt, b::requestsPerMinute);
    node.field("tokens-per-minute", ConfigNode::asInt, b::tokensPerMinute);
    node.get("credential").flatMap(CredentialYaml::read).ifPresent(b::credential);
    node.get("policy").flatMap(GatewaySection::policy).ifPresent(b::policy);
    node.field("condition", ConfigNode::asString, b::condition);
    return build(node, b::build);
  }

  private static Optional<PolicyConfig> policy(ConfigNode node) {
    if (!node.allowKeys("fail-open", "max-label", "request", "response", "guard")) {
      return Optional.empty();
    }
    PolicyConfig d = PolicyConfig.DEFAULT;
    boolean failOpen = node.get("fail-open").flatMap(ConfigNode::asBool).orElse(false);
    Optional<SensitivityLabel> label = node.get("max-label").flatMap(n -> n.asString().flatMap(
        t -> parse(n, () -> SensitivityLabel.parse(t),
            "public, general, confidential, highly-confidential")));
    RedactionPolicy request = node.get("request").flatMap(GatewaySection::redaction)
        .orElse(d.request());
    RedactionPolicy response = node.get("response").flatMap(GatewaySection::redaction)
        .orElse(d.response());
    PolicyConfig.GuardPolicy guard = node.get("guard").flatMap(GatewaySection::guard)
        .orElse(d.guard());
    return Optional.of(new PolicyConfig(request, response, label, guard, failOpen));
  }

  static Optional<RedactionPolicy> redaction(ConfigNode node) {
    if (!node.allowKeys("default-action", "actions", "hmac-key")) {
      return Optional.empty();
    }
    RedactionPolicy.Builder b = RedactionPolicy.builder();
    node.get("default-action").flatMap(GatewaySection::action).ifPresent(b::defaultAction);
    node.get("hmac-key").flatMap(ConfigNode::asSecret).ifPresent(b::hmacKey);
    node.get("actions").ifPresent(actions -> actions.entries().forEach((type, value) ->
        action(value).ifPresent(a -> Families.expand(type).forEach(t -> b.action(t, a)))));
    try {
      return Optional.of(b.build());
    } catch (RuntimeException e) {
      node.report("invalid redaction policy (expected: hmac-key when an action is hash)");
      return Optional.empty();
    }
  }

  private static Optional<RedactionAction> action(ConfigNode node) {
    return node.asString().flatMap(t -> parse(node, () -> RedactionAction.of(t),
        "mask, replace, hash, pseudonymize, block"));
  }

  private static Optional<PolicyConfig.GuardPolicy> guard(ConfigNode node) {
    if (!node.allowKeys("enabled", "prompt-threshold", "retrieved-threshold",
        "response-threshold", "policy")) {
      return Optional.empty();
    }
    boolean enabled = node.get("enabled").flatMap(ConfigNode::asBool).orElse(true);
    Optional<Double> p = threshold(node, "prompt-threshold");
    Optional<Double> r = threshold(node, "retrieved-threshold");
    Optional<Double> s = threshold(node, "response-threshold");
    Optional<String> named = node.get("policy").flatMap(ConfigNode::asString);
    return Optional.of(new PolicyConfig.GuardPolicy(enabled, p, r, s, named));
  }

  private static Optional<Double> threshold(ConfigNode parent, String key) {
    return parent.get(key).flatMap(n -> n.asString().flatMap(t -> parse(n, () -> {
      double v = Double.parseDouble(t);
      if (!(v > 0 && v <= 1)) {
        throw new IllegalArgumentException(key);
      }
      return v;
    }, "a number with 0 < value <= 1")));
  }

  static Optional<ApiKeyConfig> apiKey(ConfigNode node) {
    if (!node.allowKeys(KEY_KEYS)) {
      return Optional.empty();
    }
    Optional<String> principal = node.get("principal").flatMap(ConfigNode::asString);
    if (principal.isEmpty()) {
      node.report("missing key: principal (expected: who uses this key)");
      return Optional.empty();
    }
    ApiKeyConfig.Builder b = ApiKeyConfig.builder(principal.get());
    node.field("key", ConfigNode::asSecret, b::key);
    node.field("key-sha256", ConfigNode::asSecret, s -> b.keySha256(s.reveal()));
    node.field("client-certificate", ConfigNode::asString, b::clientCertificate);
    node.field("groups", GatewaySection::strings, b::groups);
    node.field("routes", GatewaySection::strings, b::routes);
    node.field("expires", n -> n.asString().flatMap(t -> parse(n, () -> instant(t),
        "an ISO-8601 instant like 2027-01-31T00:00:00Z or a date like 2027-01-31")), b::expires);
    node.field("revoked", ConfigNode::asBool, b::revoked);
    node.field("requests-per-minute", ConfigNode::asInt, b::requestsPerMinute);
    node.field("tokens-per-minute", ConfigNode::asInt, b::tokensPerMinute);
    return build(node, b::build);
  }

  private static java.time.Instant instant(String text) {
    return text.length() == 10
        ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
        : java.time.Instant.parse(text);
  }

  private static Optional<Set<String>> strings(ConfigNode node) {
    Set<String> out = new LinkedHashSet<>();
    node.items().forEach(i -> i.asString().ifPresent(out::add));
    return Optional.of(out);
  }

  static <T> Optional<T> parse(
      ConfigNode node, java.util.function.Supplier<T> parser, String expected) {
    try {
      return Optional.of(parser.get());
    } catch (RuntimeException e) {
      node.report("invalid value (expected " + expected + ")");
      return Optional.empty();
    }
  }

  // node.build needs a fallback value; list items have none, so report and drop the item
  static <T> Optional<T> build(ConfigNode node, java.util.function.Supplier<T> factory) {
    try {
      return Optional.of(factory.get());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      int colon = message.indexOf(": ");
      String field = colon < 0 ? "" : message.substring(0, colon);
      int expected = message.lastIndexOf("(expected");
      String why = expected < 0 ? "" : " (expected" + message.substring(expected + 9)
          .replaceFirst("^:", "");
      node.get(field).orElse(node).report("invalid value" + why);
      return Optional.empty();
    }
  }

  /** The value as plain YAML data (secrets as {@code Secret}, key hashes never printed). */
  @Override
  public Object write(GatewayConfig value) {
    List<Object> routes = new ArrayList<>();
    for (RouteConfig r : value.routes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("path-prefix", r.pathPrefix());
      m.put("protocol", r.protocol());
      m.put("upstreams", r.upstreams());
      m.put("models", List.copyOf(r.models()));
      m.put("credential", CredentialYaml.write(r.credential()));
      m.put("allow-groups", List.copyOf(r.allowGroups()));
      m.put("allow-principals", List.copyOf(r.allowPrincipals()));
      m.put("requests-per-minute", r.requestsPerMinute());
      m.put("tokens-per-minute", r.tokensPerMinute());
      m.put("condition", r.condition().orElse(""));
      PolicyConfig p = r.policy();
      m.put("policy", map("fail-open", p.failOpen(),
          "max-label", p.maxLabel().map(SensitivityLabel::id).orElse("any"),
          "guard-enabled", p.guard().enabled(),
          "guard-policy", p.guard().policy().orElse("default")));
      routes.add(m);
    }
    List<Object> keys = new ArrayList<>();
    for (ApiKeyConfig k : value.apiKeys()) {
      keys.add(map("principal", k.principal(), "key", Secret.of(k.sha256()),
          "groups", List.copyOf(k.groups()), "routes", List.copyOf(k.routes()),
          "expires", k.expires().map(Object::toString).orElse("never"), "revoked", k.revoked(),
          "requests-per-minute", k.requestsPerMinute(),
          "tokens-per-minute", k.tokensPerMinute()));
    }
    return map("enabled", value.enabled(), "host", value.host(), "port", value.port(),
        "max-in-flight", value.maxInFlight(), "connect-timeout", value.connectTimeout(),
        "upstream-timeout", value.upstreamTimeout(), "detector-timeout", value.detectorTimeout(),
        "http2", value.http2(), "tls", GatewayYaml.write(value.tls()),
        "oidc", value.oidc().map(o -> (Object) map("issuer", o.issuer(), "audience",
            o.audience(), "jwks-url", o.jwksUrl(), "principal-claim", o.principalClaim(),
            "groups-claim", o.groupsClaim())).orElse("none"),
        "routes", routes, "api-keys", keys);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  /** Lets policies name a family ({@code SECRETS}) instead of listing every type. */
  static final class Families {
    private Families() {}

    static Set<String> expand(String name) {
      return switch (name) {
        case "SECRETS", "secrets" -> io.rampart.dlp.EntityTypes.SECRETS;
        case "IDENTIFIERS", "identifiers" -> io.rampart.dlp.EntityTypes.IDENTIFIERS;
        case "CONTACT", "contact" -> io.rampart.dlp.EntityTypes.CONTACT;
        default -> Set.of(name);
      };
    }
  }
}
