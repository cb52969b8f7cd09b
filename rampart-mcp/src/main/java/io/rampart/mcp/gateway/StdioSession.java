package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcException;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stdio MCP server process serving one session: newline-delimited JSON-RPC on its stdin and
 * stdout (stderr discarded), a virtual thread reading answers and completing the waiting
 * requests by id. The process and its descendants are killed when it misbehaves, and asked to
 * end (then killed after a grace period) when the session ends or sits idle.
 */
final class StdioSession implements AutoCloseable {
  private final Process process;
  private final OutputStream stdin;
  private final JsonRpcCodec codec;
  private final int maxLine;
  private final ConcurrentHashMap<String, CompletableFuture<JsonRpcMessage>> waiting =
      new ConcurrentHashMap<>();
  private final String server;
  // requests running now, and when the last one began or ended: the reaper's view
  private final AtomicInteger active = new AtomicInteger();
  private volatile Instant lastUsed;

  private StdioSession(String server, Process process, JsonRpcCodec codec, Instant now) {
    this.server = server;
    this.lastUsed = now;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.codec = codec;
    this.maxLine = codec.limits().maxBytes();
    Thread.ofVirtual().name("rampart-mcp-stdio").start(this::read);
  }

  static StdioSession start(McpServerConfig server, JsonRpcCodec codec, Instant now) {
    ProcessBuilder pb = new ProcessBuilder(server.command())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    server.env().forEach((k, v) -> pb.environment().put(k, v.reveal()));
    try {
      return new StdioSession(server.name(), pb.start(), codec, now);
    } catch (IOException e) {
      throw new McpGatewayException("stdio server " + server.name() + ": "
          + server.command().getFirst() + " could not start (expected: an executable)", e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The stdio server this session runs. */
  String server() {
    return server;
  }

  ProcessHandle process() {
    return process.toHandle();
  }

  /** A request of this session begins at {@code now}. */
  void begin(Instant now) {
    active.incrementAndGet();
    lastUsed = now;
  }

  /** That request ended at {@code now}. */
  void end(Instant now) {
    lastUsed = now;
    active.decrementAndGet();
  }

  /** Whether no request runs and none ran since {@code cutoff}. */
  boolean idleSince(Instant cutoff) {
    return active.get() == 0 && !lastUsed.isAfter(cutoff);
  }

  /**
   * Asks the process and its descendants to end (SIGTERM), and kills what is still alive
   * {@code grace} later; returns at once (the kill is scheduled on the process's exit future,
   * so no thread waits).
   */
  void stop(Duration grace) {
    List<ProcessHandle> tree = process.descendants().toList(); // before the parent goes
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    process.onExit().completeOnTimeout(process, grace.toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(() -> {
          tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
          if (process.isAlive()) {
            process.destroyForcibly();
          }
        });
  }

  synchronized void send(JsonRpcMessage m) {
    if (m instanceof JsonRpcMessage.Request r) {
      waiting.put(r.id().toString(), new CompletableFuture<>());
    }
    try {
      stdin.write(codec.encode(m));
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      close();
      throw new McpGatewayException("stdio server: stdin closed (expected: a running server)", e);
    }
  }

  /** The answer to {@code id}; throws when none comes within {@code timeout}. */
  JsonRpcMessage await(JsonNode id, Duration timeout) {
    CompletableFuture<JsonRpcMessage> f = waiting.get(id.toString());
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new McpGatewayException("stdio server: no answer within " + timeout
          + " (expected: an answer before upstream-timeout)", e);
    } catch (ExecutionException e) {
      throw new McpGatewayException("stdio server: exited (expected: a running server)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpGatewayException("stdio server: interrupted (expected: to finish)", e);
    } finally {
      waiting.remove(id.toString());
    }
  }

  private void read() {
    try (InputStream out = process.getInputStream()) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b; (b = out.read()) >= 0; ) {
        if (b != '\n') {
          if (b != '\r') {
            line.write(b);
          }
          if (line.size() > maxLine) {
            break; // a hostile or broken server: stop listening, fail what waits
          }
          continue;
        }
        byte[] bytes = line.toByteArray();
        line.reset();
        if (bytes.length == 0) {
          continue;
        }
        try {
          if (codec.decode(bytes) instanceof JsonRpcPayload.Single(JsonRpcMessage m)) {
            JsonNode id = switch (m) {
              case JsonRpcMessage.Response r -> r.id();
              case JsonRpcMessage.ErrorResponse e -> e.id();
              default -> null; // notifications and server requests: not relayed
            };
            CompletableFuture<JsonRpcMessage> f = id == null ? null : waiting.get(id.toString());
            if (f != null) {
              f.complete(m);
            }
          }
        } catch (JsonRpcException e) {
          // a line that is not JSON-RPC (logging on stdout): skipped
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    IOException gone = new IOException("stdio server ended");
    waiting.values().forEach(f -> f.completeExceptionally(gone));
    close();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
