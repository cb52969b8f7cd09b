package io.rampart.mcp;

import io.rampart.core.RampartException;

/**
 * Raised by the MCP module on bad input or a failed operation. Messages read {@code field: value
 * (expected: ...)} and never contain secret values.
 */
public class McpException extends RampartException {
  public McpException(String message) {
    super(message);
  }

  public McpException(String message, Throwable cause) {
    super(message, cause);
  }
}
