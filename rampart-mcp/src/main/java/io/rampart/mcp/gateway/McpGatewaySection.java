package io.rampart.mcp.gateway;

import io.rampart.core.config.ConfigExtension;
import io.rampart.core.config.ConfigNode;
import io.rampart.gateway.GatewayYaml;
import io.rampart.gateway.UpstreamCredential;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mcp-gateway:} of rampart.yaml, bound through {@link McpGatewayConfig.Builder}. API keys,
 * TLS, OIDC and upstream credentials use the model gateway's binders ({@link GatewayYaml}), so they
 * read exactly like {@code gateway:}. Registered through {@code META-INF/services}.
 */
public final class McpGatewaySection implements ConfigExtension<McpGatewayConfig> {
  /** The one instance; the no-argument constructor exists for {@link java.util.ServiceLoader}. */
  public static final McpGatewaySection INSTANCE = new McpGatewaySection();

  public McpGatewaySection() {}

  @Override
  public String key() {
    return "mcp-gateway";
  }

  @Override
  public McpGatewayConfig defaults() {
    return McpGatewayConfig.DEFAULT;
  }

  @Override
  public McpGatewayConfig read(ConfigNode node) {
    McpGatewayConfig.Builder b = McpGatewayConfig.builder();
    if (node.allowKeys("enabled", "host", "port", "path", "max-in-flight", "connect-timeout",
        "upstream-timeout", "max-message-bytes", "tls", "stdio", "oidc", "api-keys", "servers")) {
      node.field("enabled", ConfigNode::asBool, b::enabled);
      node.field("host", ConfigNode::asString, b::host);
      node.field("port", ConfigNode::asInt, b::port);
      node.field("path", ConfigNode::asString, b::path);
      node.field("max-in-flight", ConfigNode::asInt, b::maxInFlight);
      node.field("connect-timeout", ConfigNode::asDuration, b::connectTimeout);
      node.field("upstream-timeout", ConfigNode::asDuration, b::upstreamTimeout);
      node.field("max-message-bytes", ConfigNode::asInt, b::maxMessageBytes);
      node.get("tls").flatMap(GatewayYaml::tls).ifPresent(b::tls);
      node.get("stdio").flatMap(McpGatewaySection::stdio).ifPresent(b::stdio);
      node.get("oidc").flatMap(GatewayYaml::oidc).ifPresent(b::oidc);
      node.get("api-keys").ifPresent(ks -> ks.items().forEach(
          k -> GatewayYaml.apiKey(k).ifPresent(b::apiKey)));
      node.get("servers").ifPresent(ss -> ss.items().forEach(s -> server(s).ifPresent(b::server)));
    }
    return node.build(b::build, McpGatewayConfig.DEFAULT);
  }

  private static Optional<McpServerConfig> server(ConfigNode node) {
    if (!node.allowKeys("name", "url", "transport", "command", "env", "credential", "access",
        "policy")) {
      return Optional.empty();
    }
    Optional<String> name = node.get("name").flatMap(ConfigNode::asString);
    List<String> command = new ArrayList<>();
    node.get("command").ifPresent(c -> c.items().forEach(i -> i.asString().ifPresent(command::add)));
    Optional<URI> url = command.isEmpty() ? node.get("url").flatMap(ConfigNode::asUrl)
        : Optional.of(URI.create("stdio:/x"));
    if (name.isEmpty() || url.isEmpty() || (!command.isEmpty() && node.get("url").isPresent())) {
      node.report(name.isEmpty() ? "missing key: name (expected: every server has a name)"
          : "url/command: (expected: exactly one of url or command)");
      return Optional.empty();
    }
    McpServerConfig.Builder b;
    try {
      b = command.isEmpty() ? McpServerConfig.builder(name.get(), url.get())
          : McpServerConfig.stdio(name.get(), command);
    } catch (IllegalArgumentException e) {
      node.report("invalid value (expected: a valid name and url)");
      return Optional.empty();
    }
    Optional<ConfigNode> transport = node.get("transport");
    if (transport.isPresent()) {
      Optional<McpTransport> t = transport.get().asString().flatMap(McpTransport::of);
      if (t.isEmpty() || (t.get() == McpTransport.STDIO) != !command.isEmpty()) {
        transport.get().report("invalid value (expected: streamable-http or sse with url, "
            + "stdio with command)");
        return Optional.empty();
      }
      b.transport(t.get());
    }
    node.get("env").ifPresent(env -> env.entries().forEach(
        (k, v) -> v.asSecret().ifPresent(sec -> b.env(k, sec))));
    node.get("credential").flatMap(GatewayYaml::credential).ifPresent(b::credential);
    node.get("access").ifPresent(as -> as.items().forEach(a -> access(a).ifPresent(b::access)));
    node.get("policy").flatMap(McpGatewaySection::policy).ifPresent(b::policy);
    return build(node, b::build);
  }

  private static Optional<StdioLimits> stdio(ConfigNode node) {
    if (!node.allowKeys("idle-timeout", "max-sessions", "kill-grace", "stream-messages",
        "stream-bytes")) {
      return Optional.empty();
    }
    StdioLimits d = StdioLimits.DEFAULT;
    return build(node, () -> new StdioLimits(
        node.get("idle-timeout").flatMap(ConfigNode::asDuration).orElse(d.idleTimeout()),
        node.get("max-sessions").flatMap(ConfigNode::asInt).orElse(d.maxSessions()),
        node.get("kill-grace").flatMap(ConfigNode::asDuration).orElse(d.killGrace()),
        node.get("stream-messages").flatMap(ConfigNode::asInt).orElse(d.streamMessages()),
        node.get("stream-bytes").flatMap(ConfigNode::asInt).map(Integer::longValue)
            .orElse(d.streamBytes())));
  }

  private static Optional<AccessRule> access(ConfigNode node) {
    if (!node.allowKeys("principals", "groups", "tools", "resources", "prompts")) {
      return Optional.empty();
    }
    return build(node, () -> new AccessRule(strings(node, "principals"), strings(node, "groups"),
        strings(node, "tools"), strings(node, "resources"), strings(node, "prompts")));
  }

  private static Optional<McpPolicy> policy(ConfigNode node) {
    if (!node.allowKeys("pin-tools", "block-poisoned", "arguments", "results", "guard-results",
        "fail-open", "tool-calls-per-minute")) {
      return Optional.empty();
    }
    McpPolicy.Builder b = McpPolicy.builder();
    node.field("pin-tools", ConfigNode::asBool, b::pinTools);
    node.field("block-poisoned", ConfigNode::asBool, b::blockPoisoned);
    node.field("guard-results", ConfigNode::asBool, b::guardResults);
    node.field("fail-open", ConfigNode::asBool, b::failOpen);
    node.field("tool-calls-per-minute", ConfigNode::asInt, b::toolCallsPerMinute);
    node.get("arguments").flatMap(GatewayYaml::redaction).ifPresent(b::arguments);
    node.get("results").flatMap(GatewayYaml::redaction).ifPresent(b::results);
    return build(node, b::build);
  }

  private static Set<String> strings(ConfigNode parent, String key) {
    Set<String> out = new LinkedHashSet<>();
    parent.get(key).ifPresent(n -> n.items().forEach(i -> i.asString().ifPresent(out::add)));
    return out;
  }

  private static <T> Optional<T> build(ConfigNode node, java.util.function.Supplier<T> factory) {
    try {
      return Optional.of(factory.get());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      int colon = m.indexOf(": ");
      int expected = m.lastIndexOf("(expected");
      String field = colon < 0 ? "" : m.substring(0, colon);
      node.get(field).orElse(node).report("invalid value"
          + (expected < 0 ? "" : " " + m.substring(expected)));
      return Optional.empty();
    }
  }

  @Override
  public Object write(McpGatewayConfig value) {
    List<Object> servers = new ArrayList<>();
    for (McpServerConfig s : value.servers()) {
      List<Object> access = new ArrayList<>();
      for (AccessRule a : s.access()) {
        access.add(ConfigExtension.map("principals", List.copyOf(a.principals()),
            "groups", List.copyOf(a.groups()), "tools", List.copyOf(a.tools()),
            "resources", List.copyOf(a.resources()), "prompts", List.copyOf(a.prompts())));
      }
      McpPolicy p = s.policy();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("url", s.url().toString());
      m.put("transport", s.transport().key());
      m.put("command", s.command());
      m.put("env", new LinkedHashMap<>(s.env()));
      m.put("credential", GatewayYaml.write(s.credential()));
      m.put("access", access);
      m.put("policy", ConfigExtension.map("pin-tools", p.pinTools(),
          "block-poisoned", p.blockPoisoned(), "guard-results", p.guardResults(),
          "fail-open", p.failOpen(), "tool-calls-per-minute", p.toolCallsPerMinute()));
      servers.add(m);
    }
    return ConfigExtension.map("enabled", value.enabled(), "host", value.host(),
        "port", value.port(), "path", value.path(), "max-in-flight", value.maxInFlight(),
        "connect-timeout", value.connectTimeout(), "upstream-timeout", value.upstreamTimeout(),
        "max-message-bytes", value.maxMessageBytes(), "tls", GatewayYaml.write(value.tls()),
        "stdio", ConfigExtension.map("idle-timeout", value.stdio().idleTimeout(),
            "max-sessions", value.stdio().maxSessions(),
            "kill-grace", value.stdio().killGrace(),
            "stream-messages", value.stdio().streamMessages(),
            "stream-bytes", value.stdio().streamBytes()),
        "oidc", value.oidc().map(o -> (Object) ConfigExtension.map("issuer", o.issuer(),
            "audience", o.audience(), "jwks-url", o.jwksUrl().toString())).orElse("none"),
        "api-keys", GatewayYaml.writeKeys(value.apiKeys()), "servers", servers);
  }

}
