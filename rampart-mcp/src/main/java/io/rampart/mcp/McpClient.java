package io.rampart.mcp;

/** Which MCP client a configuration file belongs to, judged from its name and place. */
public enum McpClient {
  CLAUDE_DESKTOP,
  CLAUDE_CODE,
  VSCODE,
  CURSOR,
  WINDSURF,
  /** A plain {@code mcp.json} / {@code .mcp.json}, e.g. in a repository. */
  GENERIC;

  /** Kebab-case name used in reports, e.g. {@code claude-desktop}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
