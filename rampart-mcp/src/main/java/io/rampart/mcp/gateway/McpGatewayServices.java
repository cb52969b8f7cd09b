package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.EventLog;
import io.rampart.dlp.DlpEngine;
import io.rampart.guard.GuardEngine;
import io.rampart.mcp.ToolPinStore;
import java.time.Clock;

/**
 * What the MCP gateway uses but does not own: the event log ({@code mcp.request},
 * {@code mcp.tool.changed}, {@code mcp.tool.poisoned}), DLP and guard engines, the tool pin store,
 * the authorizer and the clock (quotas, key expiry, latency is measured with nanoTime).
 */
public record McpGatewayServices(EventLog events, DlpEngine dlp, GuardEngine guard,
    ToolPinStore pins, McpAuthorizer authorizer, Clock clock) {
  public McpGatewayServices {
    requireNonNull(events, "events");
    requireNonNull(dlp, "dlp");
    requireNonNull(guard, "guard");
    requireNonNull(pins, "pins");
    requireNonNull(authorizer, "authorizer");
    requireNonNull(clock, "clock");
  }

  /** With the config's access rules and the system clock. */
  public static McpGatewayServices of(EventLog events, DlpEngine dlp, GuardEngine guard,
      ToolPinStore pins) {
    return new McpGatewayServices(events, dlp, guard, pins, McpAuthorizer.fromConfig(),
        Clock.systemUTC());
  }
}
