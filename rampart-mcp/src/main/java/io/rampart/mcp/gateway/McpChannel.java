package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.JsonRpcMessage;
import java.time.Duration;

/**
 * One upstream MCP session held by {@link SessionBridge} for a session id the gateway issued:
 * a stdio child process, or a connection of the older HTTP+SSE transport. Messages go out one by
 * one; answers are awaited by request id.
 */
interface McpChannel extends AutoCloseable {
  /** Sends one message; a request's answer can then be {@link #await}ed. */
  void send(JsonRpcMessage m);

  /**
   * The answer to {@code id}.
   *
   * @throws McpGatewayException when none comes within {@code timeout} or the channel broke
   */
  JsonRpcMessage await(JsonNode id, Duration timeout);

  boolean alive();

  /**
   * Where messages the server sends on its own go (notifications, and its requests such as
   * {@code sampling/createMessage}); called on the channel's reader thread, so it must not
   * block. Messages read before this is set are dropped. By default none are read.
   */
  default void listen(java.util.function.Consumer<JsonRpcMessage> sink) {}

  /** Ends the channel at once (a stdio process is killed, with its descendants). */
  @Override
  void close();

  /**
   * Ends the channel gently: a stdio process is asked to end and killed only if it is still
   * running {@code grace} later; a connection has nothing to wait for and is closed. Returns at
   * once.
   */
  default void stop(Duration grace) {
    close();
  }

  /** Opens a channel to {@code server}, waiting at most {@code timeout} for it to be usable. */
  @FunctionalInterface
  interface Opener {
    McpChannel open(McpServerConfig server, Duration timeout);
  }
}
