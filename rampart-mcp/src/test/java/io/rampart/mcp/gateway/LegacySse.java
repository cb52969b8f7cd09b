package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The older HTTP+SSE transport (MCP 2024-11-05) of {@link FakeMcpUpstream}: {@code GET /sse}
 * streams an {@code endpoint} event, then the answers to what is POSTed to {@code
 * /messages?sessionId=}, each preceded by a progress notification. Misbehaves on demand: a
 * different first event, or the stream dropped when a given method is called.
 */
final class LegacySse {
  private static final String DROP = "\0drop";
  private static final String END = "\0end";

  private final FakeMcpUpstream tools;
  private final Map<String, BlockingQueue<String>> streams = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** When set, sent instead of the endpoint event (a whole event, blank line included). */
  volatile String firstEvent;
  /** When set, a request with this method drops the stream instead of being answered. */
  volatile String dropOn;

  LegacySse(FakeMcpUpstream tools) {
    this.tools = tools;
  }

  /** Open streams. */
  int open() {
    return streams.size();
  }

  void handle(Request request, String body, Response response, Callback callback)
      throws IOException {
    if (request.getMethod().equals("GET")) {
      stream(response, callback);
      return;
    }
    String id = Request.extractQueryParameters(request).getValue("sessionId");
    BlockingQueue<String> out = id == null ? null : streams.get(id);
    if (out == null) {
      response.setStatus(404);
      callback.succeeded();
      return;
    }
    JsonNode in = FakeMcpUpstream.JSON.readTree(body);
    if (in.has("id") && in.has("method")) {
      String method = in.path("method").asText();
      if (method.equals(dropOn)) {
        out.add(DROP);
      } else {
        out.add("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}");
        ObjectNode a = FakeMcpUpstream.JSON.createObjectNode().put("jsonrpc", "2.0");
        a.set("id", in.get("id"));
        a.set("result", tools.result(method, in.path("params")));
        out.add(a.toString());
      }
    }
    response.setStatus(202);
    Content.write(response, "Accepted");
    callback.succeeded();
  }

  private void stream(Response response, Callback callback) throws IOException {
    String id = "s" + ids.incrementAndGet();
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    streams.put(id, queue);
    response.setStatus(200);
    response.getHeaders().put("Content-Type", "text/event-stream");
    OutputStream out = org.eclipse.jetty.io.Content.Sink.asOutputStream(response);
    try {
      String first = firstEvent;
      out.write((first != null ? first : "event: endpoint\ndata: /messages?sessionId=" + id
          + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        String m = queue.poll(30, TimeUnit.SECONDS);
        if (m == null || m.equals(END)) {
          break;
        }
        if (m.equals(DROP)) {
          callback.failed(new IOException("the server dropped the stream"));
          return;
        }
        out.write(("event: message\ndata: " + m + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.close();
      callback.succeeded();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e);
    } catch (IOException e) {
      callback.failed(e);
    } finally {
      streams.remove(id);
    }
  }

  /** Ends every stream. */
  void close() {
    streams.values().forEach(q -> q.add(END));
  }

  private static final class Content {
    static void write(Response response, String text) throws IOException {
      try (OutputStream o = org.eclipse.jetty.io.Content.Sink.asOutputStream(response)) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
