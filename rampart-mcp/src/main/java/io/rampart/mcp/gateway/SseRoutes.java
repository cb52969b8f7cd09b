package io.rampart.mcp.gateway;

import io.rampart.core.event.AuditQueue;
import io.rampart.gateway.Caller;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of callers of the older HTTP+SSE transport, for {@link McpHandler} once it has
 * authenticated the caller and found the server: {@code GET <endpoint>/sse} opens a session of
 * {@link SseClients}; {@code POST <endpoint>/messages?sessionId=} is accepted at once and then
 * handled by the handler's own {@code forward} path (the one of every Streamable HTTP POST), its
 * answer going to the session's stream.
 */
final class SseRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SseRoutes.class);

  private final McpHandler handler;
  private final SseClients sseClients;
  private final Semaphore inFlight;
  private final AuditQueue audit;

  SseRoutes(McpHandler handler, SseClients sseClients, Semaphore inFlight, AuditQueue audit) {
    this.handler = handler;
    this.sseClients = sseClients;
    this.inFlight = inFlight;
    this.audit = audit;
  }

  /** {@code GET <endpoint>/sse} opens a session; {@code POST <endpoint>/messages} feeds it. */
  Reply route(Request request, McpHandler.Http http, Caller caller, McpServerConfig server,
      String kind, String endpoint) {
    String method = request.getMethod();
    if (kind.equals("sse")) {
      if (!method.equals("GET")) {
        return handler.refuse(http, method, 405, "error", "method_not_allowed", "use GET")
            .with("Allow", "GET");
      }
      http.single("(GET)");
      Optional<SseClients.Session> s = sseClients.open(caller.name(), server.name());
      if (s.isEmpty()) {
        return handler.refuse(http, "(GET)", 503, "shed", "overloaded", "too many SSE sessions")
            .with("Retry-After", "1");
      }
      return sseClients.stream(s.get(), endpoint + "/messages", () -> end(s.get(), server));
    }
    if (!method.equals("POST")) {
      return handler.refuse(http, method, 405, "error", "method_not_allowed", "use POST")
          .with("Allow", "POST");
    }
    String id = Request.extractQueryParameters(request).getValue("sessionId");
    Optional<SseClients.Session> s = id == null ? Optional.empty()
        : sseClients.find(id, caller.name(), server.name());
    if (s.isEmpty()) {
      return handler.refuse(http, method, 404, "blocked", "session_not_found",
          "session not found");
    }
    McpHandler.Body body = handler.read(request, http);
    if (body.refusal() != null) {
      return body.refusal();
    }
    if (!inFlight.tryAcquire()) {
      return handler.refuse(http, method, 503, "shed", "overloaded",
          "the MCP gateway is at capacity; retry shortly").with("Retry-After", "1");
    }
    // accepted at once, as the transport asks; the answer goes to the session's stream
    Thread.ofVirtual().name("rampart-mcp-sse-post").start(() -> {
      McpHandler.Http async = new McpHandler.Http();
      async.principal = http.principal;
      async.server = http.server;
      int status = 500;
      try {
        HttpFields.Mutable headers = HttpFields.build().put("Content-Type", "application/json")
            .put("Accept", "application/json, text/event-stream");
        String upstreamSession = s.get().upstream;
        if (upstreamSession != null) {
          headers.put("Mcp-Session-Id", upstreamSession);
        }
        Reply reply = handler.forward(body.bytes(), headers, async, caller, server);
        status = reply.status();
        sseClients.deliver(s.get(), reply, async.calls);
        if (s.get().upstream != null && s.get().listening.compareAndSet(false, true)) {
          Thread.ofVirtual().name("rampart-mcp-sse-get").start(() -> listen(s.get(), caller,
              server));
        }
      } catch (RuntimeException e) {
        LOG.error("MCP message to server {} failed", server.name(), e);
        async.calls.forEach(c -> {
          c.decision = "error";
          c.errorCode = "internal_error";
        });
        sseClients.deliver(s.get(), Reply.Full.empty(500), async.calls);
      } finally {
        audit.reserve();
        McpEvents.submit(audit, async.principal, async.server, status, async.start,
            async.calls);
        inFlight.release();
      }
    });
    return Reply.Full.text(202, "Accepted");
  }

  /**
   * Relays what a server sends on its own (its GET stream, or a bridge's: notifications and
   * requests, through {@link Relay} like any GET) to a legacy caller's stream, until either ends.
   */
  private void listen(SseClients.Session s, Caller caller, McpServerConfig server) {
    McpHandler.Http http = new McpHandler.Http();
    http.principal = caller.name();
    http.server = server.name();
    Call c = http.single("(GET)");
    int status = 502;
    try {
      McpUpstream.Answer answer = handler.send(server, "GET", HttpFields.build()
          .put("Accept", "text/event-stream").put("Mcp-Session-Id", s.upstream), new byte[0]);
      status = answer.status();
      s.listener = answer.body();
      if (s.closed) {
        answer.body().close(); // the caller left meanwhile
      }
      Reply reply = handler.relayStream(answer, caller, server, s.upstream);
      if (status == 200 && reply instanceof Reply.Streamed) {
        sseClients.deliver(s, reply, http.calls);
      } else {
        answer.body().close(); // 405: the server offers no GET stream, as it may
      }
    } catch (IOException | RuntimeException e) {
      c.decision = "error";
      c.errorCode = "upstream_failure";
      LOG.debug("GET stream of server {}: {}", server.name(), e.toString());
    }
    audit.reserve();
    McpEvents.submit(audit, http.principal, http.server, status, http.start, http.calls);
  }

  /** A legacy caller went away: its session with the server ends too (best effort). */
  private void end(SseClients.Session s, McpServerConfig server) {
    java.io.Closeable listener = s.listener;
    if (listener != null) {
      try {
        listener.close(); // stops relaying the server's GET stream
      } catch (IOException e) {
        // already closed
      }
    }
    String upstreamSession = s.upstream;
    if (upstreamSession == null) {
      return;
    }
    try {
      handler.send(server, "DELETE", HttpFields.build().put("Mcp-Session-Id", upstreamSession),
          new byte[0]).body().close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("ending session of server {}: {}", server.name(), e.toString());
    }
    handler.forget(upstreamSession);
  }
}
