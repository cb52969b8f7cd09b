package io.rampart.gateway;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** An in-process model API that records every request and answers JSON or SSE as told. */
final class FakeUpstream implements AutoCloseable {
  /** What the upstream received. Header names are lower case. */
  record Received(String method, String path, String query, Map<String, String> headers,
      String body) {}

  /** What to answer: a JSON body, or SSE written chunk by chunk (each chunk flushed). */
  record Answer(int status, String contentType, List<String> chunks) {
    static Answer json(String body) {
      return new Answer(200, "application/json", List.of(body));
    }

    static Answer sse(String... chunks) {
      return new Answer(200, "text/event-stream", List.of(chunks));
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Answer> responder = r -> Answer.json(chat("hello"));
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  FakeUpstream() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        Map<String, String> headers = new TreeMap<>();
        for (HttpField f : request.getHeaders()) {
          headers.put(f.getLowerCaseName(), f.getValue());
        }
        String body = new String(Content.Source.asInputStream(request).readAllBytes(),
            StandardCharsets.UTF_8);
        String query = request.getHttpURI().getQuery();
        Received r = new Received(request.getMethod(), Request.getPathInContext(request),
            query == null ? "" : query, headers, body);
        received.add(r);
        Answer a = responder.apply(r);
        response.setStatus(a.status());
        response.getHeaders().put("Content-Type", a.contentType());
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
          for (String chunk : a.chunks()) {
            out.write(chunk.getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        }
        callback.succeeded();
        return true;
      }
    });
    server.start();
  }

  void respond(Function<Received, Answer> responder) {
    this.responder = responder;
  }

  /** The base URL, ending in {@code /v1} like an OpenAI base URL. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1");
  }

  Received last() {
    return received.getLast();
  }

  static String chat(String content) {
    return """
        {"id":"c1","object":"chat.completion","model":"gpt-test","choices":[{"index":0,\
        "message":{"role":"assistant","content":%s},"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}"""
        .formatted(com.fasterxml.jackson.databind.node.TextNode.valueOf(content).toString());
  }

  /** One OpenAI chat chunk as an SSE event. */
  static String chunk(String content) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(content) + "},"
        + "\"finish_reason\":null}]}\n\n";
  }

  static String finish() {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
