package io.rampart.mcp.gateway;

import io.rampart.mcp.McpException;

/** The MCP gateway could not start, listen, or reach a server. */
public final class McpGatewayException extends McpException {
  public McpGatewayException(String message) {
    super(message);
  }

  public McpGatewayException(String message, Throwable cause) {
    super(message, cause);
  }
}
