package io.rampart.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one stdio MCP server and lists its tools: {@code initialize}, {@code
 * notifications/initialized}, then {@code tools/list} (following {@code nextCursor}), as
 * newline-delimited JSON-RPC over stdin/stdout. The whole exchange runs under one deadline, and
 * the process (with its descendants) is killed afterwards whatever happened.
 */
final class StdioProbe {
  static final String PROTOCOL_VERSION = "2025-06-18";
  private static final int MAX_LINE = 8 * 1024 * 1024;
  private static final int MAX_PAGES = 20;
  private static final Pattern REF = Pattern.compile("\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)}");

  private final JsonRpcCodec codec = JsonRpcCodec.create(new JsonRpcLimits(MAX_LINE, 128, 1));
  private final Map<String, String> hostEnv;
  private final Duration timeout;

  StdioProbe(Map<String, String> hostEnv, Duration timeout) {
    this.hostEnv = hostEnv;
    this.timeout = timeout;
  }

  /**
   * The {@code tools} array the server reports.
   *
   * @throws McpException naming what failed (start, timeout, protocol error); never a value
   */
  ArrayNode listTools(List<String> command, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    env.forEach((k, v) -> resolve(v).ifPresent(r -> pb.environment().put(k, r)));
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new McpException("command: " + command.getFirst() + " could not start (expected: an executable on the PATH)", e);
    }
    // One platform thread per probe is plenty; it only blocks on the pipe.
    ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mcp-probe");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<ArrayNode> f = exec.submit(() -> exchange(process));
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new McpException("connect: no answer within " + timeout.toMillis() + " ms (expected: an MCP server on stdio)");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof McpException m ? m : new McpException("connect: " + c.getClass().getSimpleName() + " (expected: an MCP server on stdio)", c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpException("connect: interrupted (expected: to finish)");
    } finally {
      kill(process);
      exec.shutdownNow();
    }
  }

  private ArrayNode exchange(Process p) throws IOException {
    OutputStream in = p.getOutputStream();
    InputStream out = p.getInputStream();
    ObjectNode init = JsonNodeFactory.instance.objectNode().put("protocolVersion", PROTOCOL_VERSION);
    init.putObject("capabilities");
    init.putObject("clientInfo").put("name", "rampart-mcp-scan").put("version", "0.1.0");
    send(in, new JsonRpcMessage.Request(IntNode.valueOf(1), "initialize", Optional.of(init)));
    await(out, 1);
    send(in, new JsonRpcMessage.Notification("notifications/initialized", Optional.empty()));
    ArrayNode tools = JsonNodeFactory.instance.arrayNode();
    Optional<JsonNode> cursor = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      int id = 2 + page;
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      cursor.ifPresent(c -> params.set("cursor", c));
      send(in, new JsonRpcMessage.Request(IntNode.valueOf(id), "tools/list", Optional.of(params)));
      JsonNode result = await(out, id);
      JsonNode list = result.get("tools");
      if (list == null || !list.isArray()) {
        throw new McpException("tools/list: result.tools " + (list == null ? "missing" : list.getNodeType()) + " (expected: array)");
      }
      tools.addAll((ArrayNode) list);
      JsonNode next = result.get("nextCursor");
      if (next == null || !next.isTextual()) {
        break;
      }
      cursor = Optional.of(next);
    }
    in.close();
    return tools;
  }

  private void send(OutputStream in, JsonRpcMessage m) throws IOException {
    in.write(codec.encode(m));
    in.write('\n');
    in.flush();
  }

  /** Reads lines until the response to {@code id}; server requests and notifications are skipped. */
  private JsonNode await(InputStream out, int id) throws IOException {
    while (true) {
      byte[] line = readLine(out);
      if (line.length == 0) {
        continue;
      }
      JsonRpcPayload payload = codec.decode(line);
      if (!(payload instanceof JsonRpcPayload.Single(JsonRpcMessage m))) {
        continue;
      }
      switch (m) {
        case JsonRpcMessage.Response r when r.id().isIntegralNumber() && r.id().intValue() == id -> {
          return r.result();
        }
        case JsonRpcMessage.ErrorResponse e when e.id().isIntegralNumber() && e.id().intValue() == id ->
            throw new McpException("connect: server answered error " + e.error().code() + " (expected: a result)");
        default -> {
          // logging notifications, pings and other chatter
        }
      }
    }
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new McpException("connect: server closed stdout (expected: a JSON-RPC response)");
      }
      if (b == '\n') {
        return buf.toByteArray();
      }
      if (b != '\r') {
        buf.write(b);
      }
      if (buf.size() > MAX_LINE) {
        throw new McpException("connect: line over " + MAX_LINE + " bytes (expected: at most " + MAX_LINE + ")");
      }
    }
  }

  /** {@code ${VAR}} / {@code ${env:VAR}} from the host; empty when anything is unresolvable. */
  Optional<String> resolve(String value) {
    Matcher m = REF.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = hostEnv.get(m.group(1));
      if (v == null) {
        return Optional.empty();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    String r = sb.toString();
    return r.contains("${") ? Optional.empty() : Optional.of(r);
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
