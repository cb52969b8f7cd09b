package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.mcp.McpException;
import io.rampart.mcp.ToolPin;
import io.rampart.mcp.ToolPinStore;

/**
 * An admin's approval of a changed tool definition, shared by {@code rampart mcp approve} and
 * the API: the pending definition becomes the pin, and {@code mcp.tool.approved} records who did
 * it. A running gateway honours the new pin on the next call, without a restart.
 */
public final class ToolApproval {
  private ToolApproval() {}

  /**
   * Approves the pending definition of {@code tool} on {@code server}.
   *
   * @throws McpException when nothing is pending for that tool
   */
  public static ToolPin approve(ToolPinStore pins, EventLog events, String actor, String server,
      String tool) {
    requireNonNull(pins, "pins");
    requireNonNull(events, "events");
    requireNonNull(actor, "actor");
    requireNonNull(server, "server");
    requireNonNull(tool, "tool");
    ToolPin approved = pins.approve(server, tool).orElseThrow(() -> new McpException(
        "tool: " + server + "/" + tool + " has no pending change (expected: a tool the gateway "
            + "blocked as changed)"));
    events.append(EventDraft.builder("mcp.tool.approved")
        .principal(actor)
        .asset("mcp-server:" + server)
        .attribute("server", server)
        .attribute("tool", tool)
        .attribute("sha256", approved.sha256())
        .build());
    return approved;
  }
}
