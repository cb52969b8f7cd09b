package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.UpstreamCredential;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.rampart.core.Secret;

/**
 * One MCP server behind the gateway ({@code mcp-gateway.servers[]}).
 *
 * @param name names the server in events, pins and its endpoint ({@code <path>/<name>}; the
 *     first server is also served at {@code <path>} itself)
 * @param url the server's Streamable HTTP endpoint, or its {@code GET} stream for the older
 *     HTTP+SSE transport ({@code stdio:/<name>} for a stdio server)
 * @param credential what the gateway sends upstream; callers never see it
 * @param access who may use which tools, resources and prompts; no rules lets every
 *     authenticated caller use everything (as a model-gateway route without allow lists)
 * @param policy pinning, poisoning, DLP and guard settings
 * @param command a stdio server to start, one child process per MCP session, instead of a URL;
 *     empty for a Streamable HTTP server
 * @param env environment of that process (where a stdio server's credentials go)
 * @param transport how the gateway talks to the server ({@code stdio} exactly when a command
 *     is set)
 */
public record McpServerConfig(String name, URI url, UpstreamCredential credential,
    List<AccessRule> access, McpPolicy policy, List<String> command, Map<String, Secret> env,
    McpTransport transport) {
  public McpServerConfig {
    requireNonNull(transport, "transport");
    requireNonNull(name, "name");
    requireNonNull(url, "url");
    requireNonNull(credential, "credential");
    requireNonNull(policy, "policy");
    access = List.copyOf(access);
    command = List.copyOf(command);
    env = Map.copyOf(env);
    if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "name: " + name + " (expected: lower-case letters, digits, '.', '_' or '-')");
    }
    String scheme = url.getScheme();
    if (!command.isEmpty()) {
      if (!"stdio".equals(scheme)) {
        throw new IllegalArgumentException("url: " + url + " (expected: no url with command)");
      }
      if (transport != McpTransport.STDIO) {
        throw new IllegalArgumentException("transport: " + transport.key()
            + " (expected: stdio with command)");
      }
    } else if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))
        || url.getHost() == null) {
      throw new IllegalArgumentException("url: " + url + " (expected: an http(s) URL)");
    } else if (transport == McpTransport.STDIO) {
      throw new IllegalArgumentException("transport: stdio (expected: streamable-http or sse "
          + "with url; stdio needs command)");
    }
  }

  public static Builder builder(String name, URI url) {
    return new Builder(name, url);
  }

  /** A stdio server started as {@code command}, one process per MCP session. */
  public static Builder stdio(String name, List<String> command) {
    Builder b = new Builder(name, URI.create("stdio:/" + name));
    b.command = List.copyOf(command);
    b.transport = McpTransport.STDIO;
    return b;
  }

  /** Whether this server is a stdio child process rather than a URL. */
  public boolean isStdio() {
    return transport == McpTransport.STDIO;
  }

  /** Builds an {@link McpServerConfig}. */
  public static final class Builder {
    private final String name;
    private final URI url;
    private UpstreamCredential credential = new UpstreamCredential.None();
    private final List<AccessRule> access = new ArrayList<>();
    private McpPolicy policy = McpPolicy.DEFAULT;
    private List<String> command = List.of();
    private final Map<String, Secret> env = new LinkedHashMap<>();
    private McpTransport transport = McpTransport.STREAMABLE_HTTP;

    private Builder(String name, URI url) {
      this.name = requireNonNull(name, "name");
      this.url = requireNonNull(url, "url");
    }

    public Builder credential(UpstreamCredential v) {
      credential = requireNonNull(v, "credential");
      return this;
    }

    public Builder access(AccessRule v) {
      access.add(requireNonNull(v, "access"));
      return this;
    }

    public Builder policy(McpPolicy v) {
      policy = requireNonNull(v, "policy");
      return this;
    }

    public Builder env(String key, Secret value) {
      env.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** How the gateway talks to a URL server (Streamable HTTP unless told otherwise). */
    public Builder transport(McpTransport v) {
      transport = requireNonNull(v, "transport");
      return this;
    }

    public McpServerConfig build() {
      return new McpServerConfig(name, url, credential, access, policy, command, env, transport);
    }
  }
}
