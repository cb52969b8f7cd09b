/**
 * MCP security: the client-configuration scanner ({@code rampart mcp scan}) and the protocol
 * pieces the MCP gateway builds on (JSON-RPC 2.0 codec, incremental SSE parser, tool pinning).
 */
@NullMarked
package io.rampart.mcp;

import org.jspecify.annotations.NullMarked;
