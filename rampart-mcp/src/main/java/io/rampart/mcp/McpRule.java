package io.rampart.mcp;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.event.Severity;
import java.util.Arrays;
import java.util.List;

/**
 * The scanner's rules. Each names the OWASP LLM / Agentic and MITRE ATLAS entries it maps to;
 * they are checked against the built-in catalog when this class loads, so a typo fails at once.
 */
public enum McpRule {
  PLAINTEXT_SECRET(
      "mcp.plaintext-secret", Severity.HIGH,
      "Plaintext secret in an MCP client configuration",
      "LLM02", "ASI03", "AML.T0083", "AML.T0055"),
  UNPINNED_PACKAGE(
      "mcp.unpinned-package", Severity.MEDIUM,
      "MCP server run through a package runner without a pinned version",
      "LLM03", "ASI04", "AML.T0010", "AML.T0109"),
  INSECURE_TRANSPORT(
      "mcp.insecure-transport", Severity.HIGH,
      "Remote MCP server over plain HTTP",
      "LLM02", "ASI07"),
  NO_AUTH(
      "mcp.no-auth", Severity.MEDIUM,
      "Remote MCP server configured without an authentication header",
      "ASI03", "ASI07", "AML.T0049"),
  BROAD_FILESYSTEM_ROOT(
      "mcp.broad-filesystem-root", Severity.HIGH,
      "Filesystem MCP server allowed to reach a whole disk or home directory",
      "LLM06", "ASI02", "AML.T0086"),
  SHELL_LAUNCHER(
      "mcp.shell-launcher", Severity.MEDIUM,
      "MCP server started through a shell or a download piped into a shell",
      "ASI05", "LLM03", "AML.T0050"),
  TOOL_POISONING(
      "mcp.tool-poisoning", Severity.HIGH,
      "Tool description of a connected MCP server carries instructions for the model",
      "LLM01", "ASI01", "AML.T0110"),
  CONNECT_FAILED(
      "mcp.connect-failed", Severity.INFO,
      "Could not list the tools of an MCP server (--connect)",
      "ASI04");

  private final String id;
  private final Severity severity;
  private final String title;
  private final List<String> catalogIds;

  static {
    RiskCatalog.builtIn()
        .requireKnown(
            Arrays.stream(values()).flatMap(r -> r.catalogIds.stream()).distinct().toList(),
            "McpRule");
  }

  McpRule(String id, Severity severity, String title, String... catalogIds) {
    this.id = id;
    this.severity = severity;
    this.title = title;
    this.catalogIds = List.of(catalogIds);
  }

  /** Stable rule id, e.g. {@code mcp.plaintext-secret}. */
  public String id() {
    return id;
  }

  /** Default severity; a finding may raise it (e.g. a secret the DLP engine recognized). */
  public Severity severity() {
    return severity;
  }

  /** One-line description (SARIF shortDescription). */
  public String title() {
    return title;
  }

  /** OWASP LLM, OWASP Agentic and ATLAS IDs, all known to {@code RiskCatalog.builtIn()}. */
  public List<String> catalogIds() {
    return catalogIds;
  }
}
