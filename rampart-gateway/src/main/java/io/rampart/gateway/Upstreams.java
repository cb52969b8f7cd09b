package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * Sends requests to a route's upstreams with one shared Jetty {@link HttpClient} (pooled
 * connections, virtual threads). Strips the caller's credentials and hop-by-hop headers, injects
 * the route's upstream credential and keeps a circuit breaker per upstream. Fails over to the next
 * healthy upstream (each tried once, at most {@link #MAX_ATTEMPTS}) only where that is safe: the
 * connection was refused (nothing was sent), an idempotent request failed, or the upstream
 * answered 502/503 (not handled), which is dropped before any byte of it reaches the caller.
 */
final class Upstreams implements AutoCloseable {
  static final int BREAKER_FAILURES = 3;
  static final Duration BREAKER_OPEN = Duration.ofSeconds(30);
  /** Upstreams tried per request, at most (each once). */
  static final int MAX_ATTEMPTS = 3;
  /** The largest answer that is read whole (not streamed), in bytes. */
  static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
  /** Answers that mean "not handled, try elsewhere"; retried only before anything is relayed. */
  private static final Set<Integer> RETRY_STATUS = Set.of(502, 503);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> DROP_REQUEST = Set.of("authorization", "x-api-key", "api-key",
      "proxy-authorization", "host", "content-length", "connection", "keep-alive",
      "transfer-encoding", "te", "trailer", "upgrade", "accept-encoding", "expect", "cookie");

  private final HttpClient client;
  private final Clock clock;
  private final ConcurrentHashMap<URI, Breaker> breakers = new ConcurrentHashMap<>();
  private final TokenCache tokens;

  /**
   * What came back: status, headers, and the body: as it arrives when streamed, else a
   * {@link BufferedAnswer.Body} read once the answer is complete.
   */
  record Answer(int status, HttpFields headers, InputStream body, URI upstream) {}

  private static final class Breaker {
    int failures;
    Instant openUntil = Instant.MIN;
  }

  Upstreams(GatewayConfig config, Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    client = UpstreamClient.start("rampart-gateway-client", config.connectTimeout(),
        config.upstreamTimeout(), config.maxInFlight());
    tokens = new TokenCache(client, clock);
  }

  /**
   * The target URL. An upstream given with a path ({@code https://api.openai.com/v1}) takes the
   * request path after the route's prefix; one given as a bare origin
   * ({@code http://127.0.0.1:11434}, as people write Ollama's) takes the whole request path, so
   * both usual ways of writing an OpenAI-compatible base URL work.
   */
  static URI target(URI base, RouteConfig route, String path, String query) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    boolean bareOrigin = basePath.isEmpty() || basePath.equals("/");
    String rest = bareOrigin ? path : path.substring(route.pathPrefix().length());
    if (!rest.isEmpty() && !rest.startsWith("/")) {
      rest = "/" + rest;
    }
    return URI.create(b + rest + (query.isEmpty() ? "" : "?" + query));
  }

  /**
   * Sends {@code body} to the first healthy upstream. {@code timeout} bounds the wait for the
   * response headers, and the whole exchange when {@code streamed} is false.
   */
  Answer send(Exchange ex, RouteConfig route, byte[] body, Duration timeout, boolean streamed) {
    List<URI> healthy = new ArrayList<>();
    for (URI base : route.upstreams()) {
      Breaker breaker = breakers.computeIfAbsent(base, u -> new Breaker());
      synchronized (breaker) {
        if (!clock.instant().isBefore(breaker.openUntil)) {
          healthy.add(base);
        }
      }
    }
    if (healthy.isEmpty()) {
      throw new GatewayException("upstreams: all circuit breakers open (expected: a healthy one)");
    }
    GatewayException last = null;
    int tries = Math.min(healthy.size(), MAX_ATTEMPTS);
    for (int i = 0; i < tries; i++) {
      URI base = healthy.get(i);
      Breaker breaker = breakers.get(base);
      boolean another = i + 1 < tries;
      ex.attempts++;
      try {
        Answer answer = sendOnce(ex, route, base, body, timeout, streamed);
        record(breaker, answer.status() < 500);
        if (another && RETRY_STATUS.contains(answer.status())) {
          // nothing of this answer has reached the caller yet: drop it, ask the next upstream
          discard(answer);
          continue;
        }
        return answer;
      } catch (UpstreamFailure f) {
        record(breaker, false);
        last = f.failure;
        if (!f.safeToRetry) {
          throw f.failure;
        }
      }
    }
    throw requireNonNull(last, "last");
  }

  private static void discard(Answer answer) {
    try {
      answer.body().close();
    } catch (java.io.IOException e) {
      // the connection is dropped either way
    }
  }

  private void record(Breaker breaker, boolean ok) {
    synchronized (breaker) {
      if (ok) {
        breaker.failures = 0;
      } else if (++breaker.failures >= BREAKER_FAILURES) {
        breaker.openUntil = clock.instant().plus(BREAKER_OPEN);
        breaker.failures = 0;
      }
    }
  }

  private static final class UpstreamFailure extends RuntimeException {
    final GatewayException failure;
    final boolean safeToRetry;

    UpstreamFailure(GatewayException failure, boolean safeToRetry) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
      this.safeToRetry = safeToRetry;
    }
  }

  private Answer sendOnce(Exchange ex, RouteConfig route, URI base, byte[] body, Duration timeout,
      boolean streamed) {
    URI uri = target(base, route, ex.path, ex.query);
    Optional<String> bearer;
    try {
      bearer = tokens.bearer(route.credential());
    } catch (GatewayException e) {
      throw new UpstreamFailure(e, false);
    }
    Request request = client.newRequest(uri).method(ex.method)
        .idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!streamed) {
      request.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    request.headers(h -> {
      for (HttpField f : ex.headers) {
        if (!DROP_REQUEST.contains(f.getLowerCaseName())) {
          h.add(f);
        }
      }
      bearer.ifPresent(b -> h.put("Authorization", b));
      if (route.credential() instanceof UpstreamCredential.StaticKey k && !k.key().isEmpty()) {
        boolean auth = k.header().toLowerCase(Locale.ROOT).equals("authorization");
        h.put(k.header(), auth ? "Bearer " + k.key().reveal() : k.key().reveal());
      }
    });
    if (body.length > 0) {
      String type = ex.headers.get("content-type");
      request.body(new BytesRequestContent(type == null ? "application/json" : type, body));
    }
    ex.upstream = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
    try {
      if (!streamed) {
        // a whole answer is collected on the client's thread and handed over once, complete
        BufferedAnswer whole = new BufferedAnswer(MAX_ANSWER_BYTES);
        request.send(whole);
        Response response = whole.get(timeout);
        return new Answer(response.getStatus(), response.getHeaders(), whole.body(), base);
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      request.send(listener);
      Response response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(response.getStatus(), response.getHeaders(), listener.getInputStream(),
          base);
    } catch (TimeoutException e) {
      request.abort(e);
      throw new UpstreamFailure(new GatewayException("upstream: no answer within " + timeout
          + " (expected: a response before upstream-timeout)", e), false);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeoutException t) {
        // Jetty's own total timeout can fire just before ours: the same event, the same answer
        throw new UpstreamFailure(new GatewayException("upstream: no answer within " + timeout
            + " (expected: a response before upstream-timeout)", t), false);
      }
      boolean connect = e.getCause() instanceof ConnectException;
      // refused: nothing was sent. Otherwise the upstream may have acted on the request, so
      // only a request that may be repeated (GET, HEAD, OPTIONS) goes to the next upstream.
      throw new UpstreamFailure(new GatewayException("upstream: " + (connect
          ? "connection refused" : "request failed") + " (expected: a reachable upstream)",
          e.getCause()), connect || IDEMPOTENT.contains(ex.method));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.abort(e);
      throw new UpstreamFailure(new GatewayException("upstream: interrupted", e), false);
    }
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      // closing: nothing left to do with a client that will not stop cleanly
    }
  }
}
