package io.rampart.mcp.gateway;

import io.rampart.gateway.Caller;

/**
 * Decides whether a caller may use one tool, resource or prompt of a server. The gateway asks
 * for every listed item and every call; an authorizer that throws means "no" (fail closed).
 */
@FunctionalInterface
public interface McpAuthorizer {
  boolean allows(Caller caller, McpServerConfig server, ItemKind kind, String name);

  /**
   * The server's {@code access} rules: allowed when any rule that applies to the caller grants
   * the item; a server without rules allows every authenticated caller everything.
   */
  static McpAuthorizer fromConfig() {
    return (caller, server, kind, name) -> server.access().isEmpty()
        || server.access().stream().anyMatch(r -> r.appliesTo(caller.name(), caller.groups())
            && r.grants(kind, name));
  }
}
