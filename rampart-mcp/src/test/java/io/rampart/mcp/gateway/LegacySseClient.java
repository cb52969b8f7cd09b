package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.SseEvent;
import io.rampart.mcp.SseParser;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * A caller of the older HTTP+SSE transport, for tests: opens {@code GET <url>}, reads events
 * with the repository's {@link SseParser} on a virtual thread, POSTs to the endpoint it names.
 */
final class LegacySseClient implements AutoCloseable {
  private final HttpClient client;
  private final String key;
  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final InputStreamResponseListener listener = new InputStreamResponseListener();
  final Response response;
  private final org.eclipse.jetty.client.Request request;
  private URI endpoint;

  LegacySseClient(HttpClient client, URI sse, String key) throws Exception {
    this.client = client;
    this.key = key;
    request = client.newRequest(sse).method(HttpMethod.GET).headers(h -> {
      h.put("Accept", "text/event-stream");
      if (key != null) {
        h.put("Authorization", "Bearer " + key);
      }
    });
    request.send(listener);
    response = listener.get(10, TimeUnit.SECONDS);
    if (response.getStatus() == 200) {
      Thread.ofVirtual().start(this::read);
      SseEvent first = next();
      assertThat(first.event()).isEqualTo("endpoint");
      endpoint = sse.resolve(first.data());
    }
  }

  URI endpoint() {
    return endpoint;
  }

  private void read() {
    GetStream.readEvents(listener.getInputStream(), events);
  }

  /** The next event, failing after ten seconds. */
  SseEvent next() throws InterruptedException {
    SseEvent e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("an event within 10 s").isNotNull();
    return e;
  }

  ContentResponse post(String json) throws Exception {
    return post(key, endpoint, json);
  }

  ContentResponse post(String as, URI to, String json) throws Exception {
    return client.newRequest(to).method(HttpMethod.POST).timeout(10, TimeUnit.SECONDS)
        .body(new StringRequestContent("application/json", json))
        .headers(h -> h.put("Authorization", "Bearer " + as)).send();
  }

  /** POSTs a request and returns the message answering it; what came before is in {@code seen}. */
  JsonNode call(String json, int id, List<JsonNode> seen) throws Exception {
    assertThat(post(json).getStatus()).isEqualTo(202);
    while (true) {
      SseEvent e = next();
      assertThat(e.event()).isEqualTo("message");
      JsonNode m = FakeMcpUpstream.JSON.readTree(e.data());
      if (m.path("id").asInt(-1) == id) {
        return m;
      }
      seen.add(m);
    }
  }

  JsonNode call(String json, int id) throws Exception {
    return call(json, id, new ArrayList<>());
  }

  @Override
  public void close() throws IOException {
    request.abort(new IOException("the caller went away")); // closes the connection
    listener.getInputStream().close();
  }
}
