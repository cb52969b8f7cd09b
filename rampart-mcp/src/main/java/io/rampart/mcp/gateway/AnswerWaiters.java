package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.JsonRpcMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests sent on a {@link McpChannel} that wait for their answers, matched by JSON-RPC id
 * (as JSON text, so 1 and "1" differ). When the channel ends every waiter fails at once, so no
 * caller hangs on a server that went away.
 */
final class AnswerWaiters {
  private final String who;
  private final ConcurrentHashMap<String, CompletableFuture<JsonRpcMessage>> waiting =
      new ConcurrentHashMap<>();
  private volatile Throwable ended;

  /** {@code who} names the server in error messages, such as "stdio server local". */
  AnswerWaiters(String who) {
    this.who = who;
  }

  /** Registers a request before it is sent, so an answer arriving at once is not missed. */
  void expect(JsonRpcMessage m) {
    if (m instanceof JsonRpcMessage.Request r) {
      CompletableFuture<JsonRpcMessage> f = new CompletableFuture<>();
      waiting.put(r.id().toString(), f);
      Throwable t = ended;
      if (t != null) {
        f.completeExceptionally(t);
      }
    }
  }

  /** Completes the waiter of a response; false when nobody waits for it (it is dropped). */
  boolean complete(JsonRpcMessage m) {
    JsonNode id = switch (m) {
      case JsonRpcMessage.Response r -> r.id();
      case JsonRpcMessage.ErrorResponse e -> e.id();
      default -> null; // notifications and server requests: not relayed
    };
    CompletableFuture<JsonRpcMessage> f = id == null ? null : waiting.get(id.toString());
    return f != null && f.complete(m);
  }

  /** Stops waiting for a request that could not be sent. */
  void forget(JsonRpcMessage m) {
    if (m instanceof JsonRpcMessage.Request r) {
      waiting.remove(r.id().toString());
    }
  }

  /** Fails every present and future waiter: the channel is gone. */
  void end(Throwable why) {
    ended = why;
    waiting.values().forEach(f -> f.completeExceptionally(why));
  }

  JsonRpcMessage await(JsonNode id, Duration timeout) {
    CompletableFuture<JsonRpcMessage> f = waiting.get(id.toString());
    if (f == null) {
      throw new McpGatewayException(who + ": request " + id + " was never sent (expected: "
          + "send before await)");
    }
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new McpGatewayException(who + ": no answer within " + timeout
          + " (expected: an answer before upstream-timeout)", e);
    } catch (ExecutionException e) {
      throw new McpGatewayException(who + ": " + e.getCause().getMessage()
          + " (expected: a running server)", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpGatewayException(who + ": interrupted (expected: to finish)", e);
    } finally {
      waiting.remove(id.toString());
    }
  }
}
