package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One route of the gateway ({@code gateway.routes[]}): requests whose path starts with {@code
 * pathPrefix} go to the first healthy of {@code upstreams}.
 *
 * @param name unique id used in API keys, events and errors
 * @param pathPrefix such as {@code /v1}; the request path is appended to the upstream URL as is
 * @param upstreams base URLs tried in order (failover on connection failure)
 * @param models allowed models; empty allows any
 * @param allowGroups groups whose principals may use this route; with {@code allowPrincipals}
 *     both empty, any authenticated principal may
 * @param allowPrincipals principals that may use this route
 * @param requestsPerMinute per-route request quota, 0 for none
 * @param tokensPerMinute per-route token quota (prompt + completion), 0 for none
 * @param condition a CEL expression over {@code principal} ({@code name}, {@code groups}) and
 *     {@code request} ({@code model}, {@code path}, {@code method}, {@code stream}, {@code
 *     route}) that must be true for the request to pass; empty for none
 */
public record RouteConfig(
    String name,
    String pathPrefix,
    Protocol protocol,
    List<URI> upstreams,
    Set<String> models,
    UpstreamCredential credential,
    Set<String> allowGroups,
    Set<String> allowPrincipals,
    int requestsPerMinute,
    int tokensPerMinute,
    PolicyConfig policy,
    Optional<String> condition) {

  /** A route without a CEL condition. */
  public RouteConfig(String name, String pathPrefix, Protocol protocol, List<URI> upstreams,
      Set<String> models, UpstreamCredential credential, Set<String> allowGroups,
      Set<String> allowPrincipals, int requestsPerMinute, int tokensPerMinute,
      PolicyConfig policy) {
    this(name, pathPrefix, protocol, upstreams, models, credential, allowGroups, allowPrincipals,
        requestsPerMinute, tokensPerMinute, policy, Optional.empty());
  }

  public RouteConfig {
    requireNonNull(name, "name");
    requireNonNull(pathPrefix, "pathPrefix");
    requireNonNull(protocol, "protocol");
    requireNonNull(credential, "credential");
    requireNonNull(policy, "policy");
    requireNonNull(condition, "condition");
    condition.ifPresent(CelCondition::check);
    upstreams = List.copyOf(upstreams);
    models = Set.copyOf(models);
    allowGroups = Set.copyOf(allowGroups);
    allowPrincipals = Set.copyOf(allowPrincipals);
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "name: " + name + " (expected: lower-case letters, digits, '-' or '_')");
    }
    if (!pathPrefix.startsWith("/") || pathPrefix.contains("..")) {
      throw new IllegalArgumentException("path-prefix: " + pathPrefix + " (expected: /path)");
    }
    if (upstreams.isEmpty()) {
      throw new IllegalArgumentException("upstreams: [] (expected: at least one http(s) URL)");
    }
    nonNegative("requests-per-minute", requestsPerMinute);
    nonNegative("tokens-per-minute", tokensPerMinute);
  }

  static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: 0 or more)");
    }
  }

  /** Whether {@code model} may be used here. */
  public boolean allowsModel(String model) {
    return models.isEmpty() || models.contains(model);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link RouteConfig}; defaults: prefix /v1, OpenAI, no credential, default policy. */
  public static final class Builder {
    private final String name;
    private String pathPrefix = "/v1";
    private Protocol protocol = Protocol.OPENAI;
    private final List<URI> upstreams = new ArrayList<>();
    private Set<String> models = Set.of();
    private UpstreamCredential credential = new UpstreamCredential.None();
    private Set<String> allowGroups = Set.of();
    private Set<String> allowPrincipals = Set.of();
    private int requestsPerMinute;
    private int tokensPerMinute;
    private PolicyConfig policy = PolicyConfig.DEFAULT;
    private Optional<String> condition = Optional.empty();

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
    }

    public Builder pathPrefix(String v) {
      this.pathPrefix = requireNonNull(v, "pathPrefix");
      return this;
    }

    public Builder protocol(Protocol v) {
      this.protocol = requireNonNull(v, "protocol");
      return this;
    }

    public Builder upstream(URI v) {
      upstreams.add(requireNonNull(v, "upstream"));
      return this;
    }

    public Builder upstreams(List<URI> v) {
      v.forEach(this::upstream);
      return this;
    }

    public Builder models(Set<String> v) {
      this.models = Set.copyOf(v);
      return this;
    }

    public Builder credential(UpstreamCredential v) {
      this.credential = requireNonNull(v, "credential");
      return this;
    }

    public Builder allowGroups(Set<String> v) {
      this.allowGroups = Set.copyOf(v);
      return this;
    }

    public Builder allowPrincipals(Set<String> v) {
      this.allowPrincipals = Set.copyOf(v);
      return this;
    }

    public Builder requestsPerMinute(int v) {
      nonNegative("requests-per-minute", v);
      this.requestsPerMinute = v;
      return this;
    }

    public Builder tokensPerMinute(int v) {
      nonNegative("tokens-per-minute", v);
      this.tokensPerMinute = v;
      return this;
    }

    public Builder policy(PolicyConfig v) {
      this.policy = requireNonNull(v, "policy");
      return this;
    }

    /** A CEL condition; it must compile to a boolean (checked here). */
    public Builder condition(String v) {
      CelCondition.check(requireNonNull(v, "condition"));
      this.condition = Optional.of(v);
      return this;
    }

    public RouteConfig build() {
      return new RouteConfig(name, pathPrefix, protocol, upstreams, models, credential,
          allowGroups, allowPrincipals, requestsPerMinute, tokensPerMinute, policy, condition);
    }
  }
}
