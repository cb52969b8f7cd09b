package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.gateway.UpstreamCredential;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One MCP server behind the gateway ({@code mcp-gateway.servers[]}).
 *
 * @param name names the server in events, pins and its endpoint ({@code <path>/<name>}; the
 *     first server is also served at {@code <path>} itself)
 * @param url the server's Streamable HTTP endpoint
 * @param credential what the gateway sends upstream; callers never see it
 * @param access who may use which tools, resources and prompts; no rules lets every
 *     authenticated caller use everything (as a model-gateway route without allow lists)
 * @param policy pinning, poisoning, DLP and guard settings
 */
public record McpServerConfig(String name, URI url, UpstreamCredential credential,
    List<AccessRule> access, McpPolicy policy) {
  public McpServerConfig {
    requireNonNull(name, "name");
    requireNonNull(url, "url");
    requireNonNull(credential, "credential");
    requireNonNull(policy, "policy");
    access = List.copyOf(access);
    if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "name: " + name + " (expected: lower-case letters, digits, '.', '_' or '-')");
    }
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))
        || url.getHost() == null) {
      throw new IllegalArgumentException("url: " + url + " (expected: an http(s) URL)");
    }
  }

  public static Builder builder(String name, URI url) {
    return new Builder(name, url);
  }

  /** Builds an {@link McpServerConfig}. */
  public static final class Builder {
    private final String name;
    private final URI url;
    private UpstreamCredential credential = new UpstreamCredential.None();
    private final List<AccessRule> access = new ArrayList<>();
    private McpPolicy policy = McpPolicy.DEFAULT;

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

    public McpServerConfig build() {
      return new McpServerConfig(name, url, credential, access, policy);
    }
  }
}
