package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.rampart.core.event.AuditQueue;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.Outcome;
import io.rampart.core.event.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty core handler: sheds load beyond {@code max-in-flight} with 503, reads the bounded
 * body, runs the current {@link Pipeline}, writes its reply (flushing streamed ones event by
 * event) and then hands exactly one {@code gateway.request} event to the {@link AuditQueue}.
 * Runs on virtual threads.
 */
final class GatewayHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  static final String TIMER = "rampart.gateway.requests";

  private final Supplier<Pipeline> pipeline;
  private final Semaphore inFlight;
  private final AuditQueue events;
  private final MeterRegistry meters;

  GatewayHandler(Supplier<Pipeline> pipeline, int maxInFlight, AuditQueue events,
      MeterRegistry meters) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.inFlight = new Semaphore(maxInFlight);
    this.events = requireNonNull(events, "events");
    this.meters = requireNonNull(meters, "meters");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String query = request.getHttpURI().getQuery();
    Exchange ex = new Exchange(request.getMethod(), Request.getPathInContext(request),
        query == null ? "" : query, request.getHeaders(), System.nanoTime());
    if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl
        && ssl.peerCertificates() != null) {
      ex.clientCertificates = List.of(ssl.peerCertificates());
    }
    Reply reply;
    boolean admitted = inFlight.tryAcquire();
    events.reserve();
    try {
      reply = admitted ? run(request, ex) : Errors.status(ex, 503, "overloaded", "overloaded",
          "the gateway is at capacity; retry shortly").withHeader("Retry-After", "1")
          // the body stays unread, so the connection cannot be reused
          .withHeader("Connection", "close");
      write(reply, response, callback, ex);
    } finally {
      if (admitted) {
        inFlight.release();
      }
    }
    EventDraft draft;
    try {
      draft = event(ex);
    } catch (RuntimeException e) {
      events.abandon();
      LOG.error("gateway.request event could not be built", e);
      return true;
    }
    events.submit(draft);
    return true;
  }

  private Reply run(Request request, Exchange ex) {
    try {
      InputStream in = Content.Source.asInputStream(request);
      ex.body = Bodies.read(in, request.getLength(), MAX_BODY_BYTES);
      Reply reply = pipeline.get().handle(ex);
      if (ex.body.length > MAX_BODY_BYTES && reply instanceof Reply.Full refused
          && !OversizedBodies.discard(in)) {
        return refused.withHeader("Connection", "close");
      }
      return reply;
    } catch (IOException e) {
      return Errors.status(ex, 400, "invalid_request_error", "body_unreadable",
          "request body could not be read");
    } catch (RuntimeException e) {
      LOG.error("gateway request on {} failed", ex.route().map(RouteConfig::name).orElse("-"), e);
      return Errors.status(ex, 500, "internal_error", "internal_error",
          "the gateway failed; see its log");
    }
  }

  private static void write(Reply reply, Response response, Callback callback, Exchange ex) {
    ex.status = reply.status();
    response.setStatus(reply.status());
    reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    try {
      switch (reply) {
        case Reply.Full full -> {
          response.getHeaders().put("Content-Type", full.contentType());
          response.getHeaders().put("Content-Length", Long.toString(full.body().length));
          // one last write (headers and body together) instead of a stream's write and close
          try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(full.body()), written);
            written.block();
          }
        }
        case Reply.Streamed streamed -> {
          response.getHeaders().put("Content-Type", streamed.contentType());
          response.getHeaders().put("Cache-Control", "no-cache");
          try (OutputStream out = Content.Sink.asOutputStream(response)) {
            streamed.body().writeTo(out);
          }
        }
      }
      callback.succeeded();
    } catch (IOException | RuntimeException e) {
      if (ex.decision.equals("allowed") || ex.decision.equals("redacted")) {
        ex.decision = "error";
      }
      ex.errorCode = ex.errorCode.isEmpty() ? "stream_failed" : ex.errorCode;
      callback.failed(e);
    }
  }

  private EventDraft event(Exchange ex) {
    long nanos = System.nanoTime() - ex.startNanos;
    long micros = nanos / 1_000;
    meters.timer(TIMER, "route", ex.route().map(RouteConfig::name).orElse("none"),
        "decision", ex.decision, "status", Integer.toString(ex.status))
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    boolean blocked = ex.decision.equals("blocked");
    Outcome outcome = switch (ex.decision) {
      case "blocked", "unauthenticated", "rate_limited", "shed" -> Outcome.BLOCKED;
      case "redacted" -> Outcome.REDACTED;
      case "allowed" -> Outcome.ALLOWED;
      default -> Outcome.FAILURE;
    };
    List<String> refs = new ArrayList<>();
    if (ex.rules.stream().anyMatch(r -> r.startsWith("guard."))) {
      refs.add("LLM01");
    }
    if (!ex.findings.isEmpty()) {
      refs.add("LLM02");
    }
    EventDraft.Builder b = EventDraft.builder("gateway.request")
        .severity(blocked ? Severity.MEDIUM : ex.failedOpen ? Severity.HIGH
            : outcome == Outcome.REDACTED ? Severity.LOW : Severity.INFO)
        .principal(ex.principal == null ? "" : ex.principal.name())
        .asset(ex.route().map(r -> "gateway-route:" + r.name()).orElse(""))
        .outcome(outcome)
        .attribute("route", ex.route().map(RouteConfig::name).orElse(""))
        .attribute("method", ex.method)
        .attribute("path", ex.path)
        .attribute("model", ex.model)
        .attribute("stream", ex.stream)
        .attribute("decision", ex.decision)
        .attribute("rules", List.copyOf(ex.rules))
        .attribute("findings", Map.copyOf(ex.findings))
        .attribute("prompt_tokens", ex.promptTokens)
        .attribute("completion_tokens", ex.completionTokens)
        .attribute("status", ex.status)
        .attribute("upstream", ex.upstream)
        .attribute("upstream_status", ex.upstreamStatus)
        .attribute("upstream_attempts", ex.attempts)
        .attribute("latency_ms", micros / 1000.0)
        .attribute("fail_open", ex.route().map(r -> r.policy().failOpen()).orElse(false))
        .attribute("failed_open", ex.failedOpen)
        .references(refs);
    if (!ex.errorCode.isEmpty()) {
      b.attribute("error_code", ex.errorCode);
    }
    return b.build();
  }
}
