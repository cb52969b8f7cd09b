package io.rampart.mcp.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the gateway talks to one MCP server ({@code transport:} of a server entry). */
public enum McpTransport {
  /** MCP Streamable HTTP (2025-03-26 and later): one endpoint, POST and an optional GET stream. */
  STREAMABLE_HTTP("streamable-http"),
  /** The older HTTP+SSE transport (2024-11-05): a GET event stream plus a POST endpoint. */
  SSE("sse"),
  /** A child process speaking newline-delimited JSON-RPC on stdin and stdout. */
  STDIO("stdio");

  private final String key;

  McpTransport(String key) {
    this.key = key;
  }

  /** The kebab-case name used in rampart.yaml. */
  public String key() {
    return key;
  }

  /** The transport named {@code key} in rampart.yaml. */
  public static Optional<McpTransport> of(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.key.equals(k)).findFirst();
  }
}
