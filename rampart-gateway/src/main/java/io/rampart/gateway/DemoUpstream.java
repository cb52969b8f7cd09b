package io.rampart.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * A tiny OpenAI-compatible model for {@code rampart demo}: {@code /v1/models} and {@code
 * /v1/chat/completions} (plain and streamed) answer by echoing the last user message and
 * appending a fake credential, so the demo shows the gateway redacting a model's answer.
 */
public final class DemoUpstream implements AutoCloseable {
  /** A synthetic GitHub token (valid checksum, never issued) the demo model "leaks". */
  public static final String LEAKED = "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";

  private final Server server;
  private final ServerConnector connector;
  private final ObjectMapper json = new ObjectMapper();

  private DemoUpstream(String host, int port) {
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName("rampart-demo-model");
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        serve(request, response);
        callback.succeeded();
        return true;
      }
    });
  }

  /** Starts the demo model on {@code host:port} (0 picks a free port). */
  public static DemoUpstream start(String host, int port) {
    DemoUpstream d = new DemoUpstream(host, port);
    try {
      d.server.start();
    } catch (Exception e) {
      throw new GatewayException("demo upstream: cannot listen on " + host + ":" + port
          + " (expected: a free port)", e);
    }
    return d;
  }

  /** The OpenAI-style base URL, ending in {@code /v1}. */
  public URI url() {
    return URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort() + "/v1");
  }

  private void serve(Request request, Response response) throws Exception {
    String path = Request.getPathInContext(request);
    byte[] body = Content.Source.asInputStream(request).readAllBytes();
    if (path.endsWith("/models")) {
      write(response, "application/json",
          "{\"object\":\"list\",\"data\":[{\"id\":\"demo-model\",\"object\":\"model\"}]}");
      return;
    }
    if (!path.endsWith("/chat/completions")) {
      response.setStatus(404);
      write(response, "application/json", "{\"error\":{\"message\":\"demo model: only "
          + "/v1/models and /v1/chat/completions\",\"type\":\"invalid_request_error\"}}");
      return;
    }
    JsonNode req = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    String last = "";
    for (JsonNode m : req.path("messages")) {
      if ("user".equals(m.path("role").asText())) {
        last = m.path("content").isTextual() ? m.path("content").asText() : "(parts)";
      }
    }
    String answer = "You said: \"" + last + "\". The deploy token is " + LEAKED + ".";
    if (req.path("stream").asBoolean(false)) {
      StringBuilder sse = new StringBuilder();
      for (String piece : answer.split("(?<=\\G.{12})")) {
        sse.append("data: ").append(chunk(piece, null)).append("\n\n");
      }
      sse.append("data: ").append(chunk(null, "stop")).append("\n\ndata: [DONE]\n\n");
      write(response, "text/event-stream", sse.toString());
    } else {
      ObjectNode out = json.createObjectNode().put("id", "demo-1")
          .put("object", "chat.completion").put("model", "demo-model");
      ObjectNode choice = out.putArray("choices").addObject().put("index", 0)
          .put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", answer);
      out.putObject("usage").put("prompt_tokens", (last.length() + 3) / 4)
          .put("completion_tokens", (answer.length() + 3) / 4);
      write(response, "application/json", out.toString());
    }
  }

  private String chunk(@Nullable String content, @Nullable String finish) {
    ObjectNode c = json.createObjectNode().put("id", "demo-1")
        .put("object", "chat.completion.chunk").put("model", "demo-model");
    ArrayNode choices = c.putArray("choices");
    ObjectNode choice = choices.addObject().put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    if (finish != null) {
      choice.put("finish_reason", finish);
    } else {
      choice.putNull("finish_reason");
    }
    return c.toString();
  }

  private static void write(Response response, String type, String text) throws Exception {
    response.getHeaders().put("Content-Type", type);
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // closing a demo
    }
  }
}
