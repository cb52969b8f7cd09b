package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.mcp.SseEvent;
import io.rampart.mcp.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpMethod;

/**
 * A caller's Streamable HTTP GET stream, for tests: its events are read with the repository's
 * {@link SseParser} on a virtual thread; {@link #ended} tells when the gateway ended it.
 */
final class GetStream implements AutoCloseable {
  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final InputStreamResponseListener listener = new InputStreamResponseListener();
  private final org.eclipse.jetty.client.Request request;
  private final CountDownLatch ended = new CountDownLatch(1);
  final Response response;

  GetStream(HttpClient client, URI url, Map<String, String> headers) throws Exception {
    request = client.newRequest(url).method(HttpMethod.GET);
    headers.forEach((k, v) -> request.headers(h -> h.put(k, v)));
    request.send(listener);
    response = listener.get(10, TimeUnit.SECONDS);
    Thread.ofVirtual().start(this::read);
  }

  private void read() {
    try {
      readEvents(listener.getInputStream(), events);
    } finally {
      ended.countDown();
    }
  }

  /** Parses an SSE body into {@code events} until it ends or breaks (also for legacy streams). */
  static void readEvents(InputStream body, java.util.Collection<SseEvent> events) {
    SseParser parser = SseParser.create();
    byte[] buf = new byte[8192];
    try (InputStream in = body) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        events.addAll(parser.feed(buf, 0, n));
      }
    } catch (IOException e) {
      // closed
    }
  }

  /** The next message, failing after ten seconds. */
  JsonNode next() throws Exception {
    SseEvent e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("an event within 10 s").isNotNull();
    assertThat(e.event()).isEqualTo("message");
    return FakeMcpUpstream.JSON.readTree(e.data());
  }

  /** The next message with {@code method}, skipping others. */
  JsonNode next(String method) throws Exception {
    while (true) {
      JsonNode m = next();
      if (m.path("method").asText().equals(method)) {
        return m;
      }
    }
  }

  /** Whether the stream ended within ten seconds. */
  boolean ended() throws InterruptedException {
    return ended.await(10, TimeUnit.SECONDS);
  }

  /** Messages received and not yet taken. */
  int waiting() {
    return events.size();
  }

  @Override
  public void close() throws IOException {
    request.abort(new IOException("the caller went away"));
    listener.getInputStream().close();
  }
}
