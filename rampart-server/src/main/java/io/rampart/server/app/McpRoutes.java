package io.rampart.server.app;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.Permission;
import io.rampart.core.event.EventLog;
import io.rampart.mcp.McpException;
import io.rampart.mcp.ToolPin;
import io.rampart.mcp.ToolPinStore;
import io.rampart.mcp.gateway.ToolApproval;
import io.rampart.server.Access;
import io.rampart.server.ApiException;
import io.rampart.server.Call;
import io.rampart.server.Reply;
import io.rampart.server.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP tool pins over the API, so an admin can approve a changed tool while the server holds the
 * embedded database: {@code GET /api/mcp/servers/{server}/pins} and {@code POST
 * /api/mcp/servers/{server}/tools/{tool}/approve}.
 */
final class McpRoutes {
  private final ToolPinStore pins;
  private final EventLog events;

  McpRoutes(ToolPinStore pins, EventLog events) {
    this.pins = requireNonNull(pins, "pins");
    this.events = requireNonNull(events, "events");
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/api/mcp/servers/{server}/pins", Access.permission(Permission.CONFIG_READ),
            "List an MCP server's tool pins and pending changes", this::list),
        Route.of("POST", "/api/mcp/servers/{server}/tools/{tool}/approve",
            Access.permission(Permission.OPERATE),
            "Approve a changed MCP tool definition (rampart mcp approve)", this::approve));
  }

  private Reply list(Call call) {
    String server = call.pathParam("server");
    List<Map<String, Object>> out = pins.list(server).stream().map(p -> {
      Map<String, Object> m = json(p);
      m.put("pending_sha256", pins.pending(server, p.tool()).map(ToolPin::sha256).orElse(null));
      return m;
    }).toList();
    return Reply.json(Map.of("server", server, "pins", out));
  }

  private Reply approve(Call call) {
    try {
      ToolPin p = ToolApproval.approve(pins, events, call.requireCaller().name(),
          call.pathParam("server"), call.pathParam("tool"));
      return Reply.json(json(p));
    } catch (McpException e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private static Map<String, Object> json(ToolPin p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("server", p.server());
    m.put("tool", p.tool());
    m.put("sha256", p.sha256());
    return m;
  }
}
