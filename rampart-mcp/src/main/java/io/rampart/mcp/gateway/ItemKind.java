package io.rampart.mcp.gateway;

/** What an authorization decision is about. */
public enum ItemKind {
  TOOL,
  RESOURCE,
  PROMPT
}
