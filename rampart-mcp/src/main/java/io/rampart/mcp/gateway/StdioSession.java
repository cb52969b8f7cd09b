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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One stdio MCP server process serving one session: newline-delimited JSON-RPC on its stdin and
 * stdout (stderr discarded), a virtual thread reading answers and completing the waiting
 * requests by id (what the server sends on its own goes to the {@link #listen} sink). The process and its descendants are killed on close or when it misbehaves,
 * and asked to end (then killed after a grace period) by {@link #stop} when the session ends or
 * sits idle.
 */
final class StdioSession implements McpChannel {
  private final Process process;
  private final OutputStream stdin;
  private final JsonRpcCodec codec;
  private final int maxLine;
  private final AnswerWaiters waiting;
  private volatile java.util.function.Consumer<JsonRpcMessage> unsolicited = m -> { };

  private StdioSession(Process process, JsonRpcCodec codec, String name) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.codec = codec;
    this.maxLine = codec.limits().maxBytes();
    this.waiting = new AnswerWaiters("stdio server " + name);
    Thread.ofVirtual().name("rampart-mcp-stdio").start(this::read);
  }

  /** An opener of stdio sessions for {@link SessionBridge}. */
  static McpChannel.Opener opener(JsonRpcCodec codec) {
    return (server, timeout) -> start(server, codec);
  }

  static StdioSession start(McpServerConfig server, JsonRpcCodec codec) {
    ProcessBuilder pb = new ProcessBuilder(server.command())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    server.env().forEach((k, v) -> pb.environment().put(k, v.reveal()));
    try {
      return new StdioSession(pb.start(), codec, server.name());
    } catch (IOException e) {
      throw new McpGatewayException("stdio server " + server.name() + ": "
          + server.command().getFirst() + " could not start (expected: an executable)", e);
    }
  }

  @Override
  public boolean alive() {
    return process.isAlive();
  }

  ProcessHandle process() {
    return process.toHandle();
  }

  /**
   * Asks the process and its descendants to end (SIGTERM), and kills what is still alive
   * {@code grace} later; returns at once (the kill is scheduled on the process's exit future,
   * so no thread waits).
   */
  @Override
  public void stop(Duration grace) {
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

  @Override
  public synchronized void send(JsonRpcMessage m) {
    waiting.expect(m);
    try {
      stdin.write(codec.encode(m));
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      close();
      throw new McpGatewayException("stdio server: stdin closed (expected: a running server)", e);
    }
  }

  @Override
  public JsonRpcMessage await(JsonNode id, Duration timeout) {
    return waiting.await(id, timeout);
  }

  @Override
  public void listen(java.util.function.Consumer<JsonRpcMessage> sink) {
    unsolicited = java.util.Objects.requireNonNull(sink, "sink");
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
            if (!waiting.complete(m) && (m instanceof JsonRpcMessage.Request
                || m instanceof JsonRpcMessage.Notification)) {
              unsolicited.accept(m);
            }
          }
        } catch (JsonRpcException e) {
          // a line that is not JSON-RPC (logging on stdout): skipped
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    waiting.end(new IOException("exited"));
    close();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
