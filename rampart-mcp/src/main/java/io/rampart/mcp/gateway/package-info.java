/**
 * The MCP gateway: a Streamable HTTP proxy in front of MCP servers that authenticates callers
 * with the model gateway's keys and tokens, filters and authorizes tools, resources and prompts
 * per principal and group, pins tool definitions, hides poisoned tools, runs DLP and the guard on
 * arguments and results, and writes one {@code mcp.request} event per JSON-RPC message.
 */
@NullMarked
package io.rampart.mcp.gateway;

import org.jspecify.annotations.NullMarked;
