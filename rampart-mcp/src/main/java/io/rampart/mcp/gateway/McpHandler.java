package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.NullNode;
import io.rampart.core.event.AuditQueue;
import io.rampart.gateway.Caller;
import io.rampart.gateway.CallerAuth;
import io.rampart.gateway.OversizedBodies;
import io.rampart.gateway.Quotas;
import io.rampart.mcp.JsonRpcCodec;
import io.rampart.mcp.JsonRpcError;
import io.rampart.mcp.JsonRpcException;
import io.rampart.mcp.JsonRpcMessage;
import io.rampart.mcp.JsonRpcPayload;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty core handler of the MCP endpoint, on virtual threads: authenticates, finds the
 * server, binds sessions to principals, then POST (JSON-RPC in, JSON or SSE out), GET (the
 * server's stream) or DELETE (end a session). Callers of the older HTTP+SSE transport use
 * {@code <endpoint>/sse} and {@code <endpoint>/messages} ({@link SseRoutes}); their messages
 * take the same {@link #forward} path. Every JSON-RPC message, and every request that never got
 * as far as one, yields exactly one {@code mcp.request} event.
 */
final class McpHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(McpHandler.class);

  private final McpGatewayConfig config;
  private final CallerAuth auth;
  private final Quotas quotas;
  private final MessagePolicy policy;
  private final McpUpstream upstream;
  private final SessionBridge stdio;
  private final SessionBridge sse;
  private final SseRoutes sseRoutes;
  private final Relay relay;
  private final JsonRpcCodec codec;
  private final AuditQueue audit;
  private final Semaphore inFlight;
  private final SessionOwners sessions;

  /**
   * A handler for one configuration snapshot ({@code config}, {@code auth}); what must outlive
   * a reload (the in-flight limit, session owners, quotas, upstream connections, bridged stdio
   * and HTTP+SSE sessions, legacy callers' streams) is passed in and shared by every snapshot.
   */
  McpHandler(McpGatewayConfig config, CallerAuth auth, Quotas quotas, MessagePolicy policy,
      McpUpstream upstream, SessionBridge stdio, SessionBridge sse, SseClients sseClients,
      JsonRpcCodec codec, AuditQueue audit, Semaphore inFlight, SessionOwners sessions) {
    this.config = requireNonNull(config, "config");
    this.auth = requireNonNull(auth, "auth");
    this.quotas = requireNonNull(quotas, "quotas");
    this.policy = requireNonNull(policy, "policy");
    this.upstream = requireNonNull(upstream, "upstream");
    this.stdio = requireNonNull(stdio, "stdio");
    this.sse = requireNonNull(sse, "sse");
    this.codec = requireNonNull(codec, "codec");
    this.audit = requireNonNull(audit, "audit");
    this.relay = new Relay(codec, policy, config.maxMessageBytes());
    this.inFlight = requireNonNull(inFlight, "inFlight");
    this.sessions = requireNonNull(sessions, "sessions");
    this.sseRoutes = new SseRoutes(this, requireNonNull(sseClients, "sseClients"), inFlight,
        audit);
  }

  /** What one HTTP request did, for its events. */
  static final class Http {
    final long start = System.nanoTime();
    final List<Call> calls = new ArrayList<>();
    String principal = "";
    String server = "";

    Call single(String method) {
      Call c = new Call(method, NullNode.getInstance());
      calls.add(c);
      return c;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Http http = new Http();
    Reply reply;
    boolean admitted = inFlight.tryAcquire();
    try {
      reply = admitted ? route(request, http) : refuse(http, request.getMethod(), 503, "shed",
          "overloaded", "the MCP gateway is at capacity; retry shortly")
          .with("Retry-After", "1").with("Connection", "close");
      // before the answer leaves, so that an API read after it waits for these events
      audit.reserve();
      int status = ReplyWriter.write(reply, response, callback, http);
      McpEvents.submit(audit, http.principal, http.server, status, http.start, http.calls);
    } finally {
      if (admitted) {
        inFlight.release();
      }
    }
    return true;
  }

  private Reply route(Request request, Http http) {
    String method = request.getMethod();
    HttpFields headers = request.getHeaders();
    String path = Request.getPathInContext(request);
    if (path.startsWith(ResourceMetadata.WELL_KNOWN) && config.oidc().isPresent()) {
      Call c = http.single("(metadata)");
      return ResourceMetadata.serve(config, request, path).orElseGet(() -> {
        c.decision = "error";
        c.errorCode = "unknown_resource";
        return Reply.Full.empty(404);
      });
    }
    Optional<Caller> caller;
    try {
      Optional<String> presented = CallerAuth.presented(headers);
      // a key, when sent, wins; otherwise a verified client certificate may name the caller
      caller = presented.isPresent() ? presented.flatMap(auth::verify)
          : ClientCertificate.of(request).flatMap(auth::verifyCertificate);
    } catch (RuntimeException e) {
      LOG.error("MCP caller authentication failed; refusing", e);
      caller = Optional.empty(); // fail closed
    }
    if (caller.isEmpty()) {
      return refuse(http, method, 401, "unauthenticated", "invalid_api_key",
          "missing, invalid or expired bearer key: send Authorization: Bearer <key>")
          .with("WWW-Authenticate", ResourceMetadata.challenge(config, request));
    }
    http.principal = caller.get().name();
    Optional<McpServerConfig> server = config.serverFor(path);
    String legacy = ""; // "sse" or "messages" for the older HTTP+SSE transport
    if (server.isEmpty() && (path.endsWith("/sse") || path.endsWith("/messages"))) {
      legacy = path.substring(path.lastIndexOf('/') + 1);
      server = config.serverFor(path.substring(0, path.lastIndexOf('/')));
    }
    if (server.isEmpty()) {
      return refuse(http, method, 404, "error", "unknown_server", "no MCP server at this path");
    }
    http.server = server.get().name();
    if (quotas.tryAcquire("mcp:p:" + caller.get().name(), caller.get().requestsPerMinute())
        .isPresent()) {
      return refuse(http, method, 429, "rate_limited", "rate_limit_exceeded",
          "request quota exceeded for principal " + caller.get().name()).with("Retry-After", "60");
    }
    if (!legacy.isEmpty()) {
      return sseRoutes.route(request, http, caller.get(), server.get(), legacy,
          path.substring(0, path.lastIndexOf('/')));
    }
    String session = headers.get("mcp-session-id");
    if (session != null && !sessions.mayUse(session, caller.get().name())) {
      return refuse(http, method, 404, "blocked", "session_not_found", "session not found");
    }
    try {
      return switch (method) {
        case "POST" -> post(request, http, caller.get(), server.get());
        case "GET" -> pass(request, http, caller.get(), server.get(), "GET");
        case "DELETE" -> pass(request, http, caller.get(), server.get(), "DELETE");
        default -> refuse(http, method, 405, "error", "method_not_allowed",
            "use POST, GET or DELETE").with("Allow", "POST, GET, DELETE");
      };
    } catch (RuntimeException e) {
      LOG.error("MCP request to server {} failed", http.server, e);
      http.calls.forEach(c -> {
        c.decision = "error";
        c.errorCode = "internal_error";
      });
      return Reply.Full.json(500, codec.encode(McpErrors.of(NullNode.getInstance(),
          JsonRpcError.INTERNAL_ERROR, "the gateway failed; see its log")));
    }
  }

  private Reply post(Request request, Http http, Caller caller, McpServerConfig server) {
    Body body = read(request, http);
    return body.refusal() != null ? body.refusal()
        : forward(body.bytes(), request.getHeaders(), http, caller, server);
  }

  /** A POST's bytes, or the answer refusing them. */
  record Body(byte[] bytes, Reply refusal) {}

  Body read(Request request, Http http) {
    String type = request.getHeaders().get("content-type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return new Body(null, refuse(http, "(invalid)", 415, "error", "unsupported_media_type",
          "send JSON-RPC as application/json"));
    }
    byte[] body;
    InputStream in = Content.Source.asInputStream(request);
    try {
      body = in.readNBytes(config.maxMessageBytes() + 1);
    } catch (IOException e) {
      return new Body(null, refuse(http, "(invalid)", 400, "error", "body_unreadable",
          "body unreadable"));
    }
    if (body.length > config.maxMessageBytes()) {
      Reply.Full refused = refuse(http, "(invalid)", 413, "blocked", "body_too_large",
          "message larger than " + config.maxMessageBytes() + " bytes (expected: at most that)");
      return new Body(null, OversizedBodies.discard(in)
          ? refused : refused.with("Connection", "close"));
    }
    return new Body(body, null);
  }

  /** Policy on the way in, the server, policy on the way back: one POST body of either transport. */
  Reply forward(byte[] body, HttpFields headers, Http http, Caller caller,
      McpServerConfig server) {
    JsonRpcPayload payload;
    try {
      payload = codec.decode(body);
    } catch (JsonRpcException e) {
      Call c = http.single("(invalid)");
      c.decision = "error";
      c.errorCode = e.code() == JsonRpcError.PARSE_ERROR ? "parse_error" : "invalid_request";
      return Reply.Full.json(400, codec.encode(e.toErrorResponse()));
    }
    Inbound in = Inbound.check(payload, http.calls, caller, server, policy);
    if (in.refused()) {
      return in.answer(codec);
    }
    byte[] forward = in.modified() ? in.encode(codec) : body;
    McpUpstream.Answer answer;
    try {
      answer = send(server, "POST", headers, forward);
    } catch (McpGatewayException e) {
      LOG.warn("{}", e.getMessage());
      return relay.failed(in.pending(), "the MCP server is unavailable");
    }
    bind(answer, caller);
    return relay.relay(answer, caller, server, in.pending(), back(caller, server, session(headers, answer)));
  }

  private Reply pass(Request request, Http http, Caller caller, McpServerConfig server,
      String method) {
    Call c = http.single("(" + method + ")");
    McpUpstream.Answer answer;
    try {
      answer = send(server, method, request.getHeaders(), new byte[0]);
    } catch (McpGatewayException e) {
      c.decision = "error";
      c.errorCode = "upstream_failure";
      return Reply.Full.json(502, codec.encode(McpErrors.of(NullNode.getInstance(),
          McpErrors.UPSTREAM, "the MCP server is unavailable")));
    }
    String session = request.getHeaders().get("mcp-session-id");
    if (method.equals("DELETE") && session != null && answer.status() < 300) {
      sessions.forget(session);
    }
    bind(answer, caller);
    String dropped = answer.headers().get(SessionBridge.DROPPED);
    if (dropped != null && !dropped.equals("0")) {
      // the server's notifications that a bridge dropped while its caller did not read them
      c.dropped = Long.parseLong(dropped);
    }
    if (answer.status() >= 400) {
      c.decision = "error";
      c.errorCode = "upstream_status_" + answer.status();
    }
    return relay.relay(answer, caller, server, new LinkedHashMap<>(),
        back(caller, server, session(request.getHeaders(), answer)));
  }

  McpUpstream.Answer send(McpServerConfig server, String method, HttpFields headers,
      byte[] body) {
    return switch (server.transport()) {
      case STDIO -> stdio.send(server, method, headers, body, config.upstreamTimeout());
      case SSE -> sse.send(server, method, headers, body, config.upstreamTimeout());
      case STREAMABLE_HTTP -> upstream.send(server, method, headers, body,
          config.upstreamTimeout());
    };
  }

  /** A server's GET stream, relayed as any GET is (nothing pending, so stray answers drop). */
  Reply relayStream(McpUpstream.Answer answer, Caller caller, McpServerConfig server,
      String session) {
    return relay.relay(answer, caller, server, new LinkedHashMap<>(),
        back(caller, server, session));
  }

  private static @Nullable String session(HttpFields request, McpUpstream.Answer answer) {
    String issued = answer.headers().get("mcp-session-id");
    return issued != null ? issued : request.get("mcp-session-id");
  }

  /**
   * Answers a refused server request on its session, on a thread of its own (the caller's
   * stream, which is being read when the request is refused, must not wait for the server's
   * acknowledgement: a bridged stdio server answers on that very stream), and records it as an
   * {@code mcp.request} event of the caller's.
   */
  private ServerAnswers back(Caller caller, McpServerConfig server, @Nullable String session) {
    return (request, call, answer) -> {
      long start = System.nanoTime();
      Thread.ofVirtual().name("rampart-mcp-answer").start(() -> {
        HttpFields.Mutable h = HttpFields.build().put("Content-Type", "application/json")
            .put("Accept", "application/json, text/event-stream");
        if (session != null) {
          h.put("Mcp-Session-Id", session);
        }
        try (var body = send(server, "POST", h, codec.encode(answer)).body()) {
          body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
          LOG.warn("server {}: a refusal could not be sent to it: {}", server.name(),
              e.toString());
        }
        audit.reserve();
        McpEvents.submit(audit, caller.name(), server.name(), 403, start, List.of(call));
      });
    };
  }

  /** A server session that ended: no longer bound to a principal. */
  void forget(String session) {
    sessions.forget(session);
  }

  private void bind(McpUpstream.Answer answer, Caller caller) {
    String issued = answer.headers().get("mcp-session-id");
    if (issued != null) {
      sessions.bind(issued, caller.name());
    }
  }

  Reply.Full refuse(Http http, String method, int status, String decision, String code,
      String message) {
    Call c = http.single(method.startsWith("(") ? method : "(" + method + ")");
    c.decision = decision;
    c.errorCode = code;
    int rpc = switch (status) {
      case 401 -> McpErrors.UNAUTHORIZED;
      case 429 -> McpErrors.RATE_LIMITED;
      case 413 -> JsonRpcError.INVALID_REQUEST;
      default -> McpErrors.POLICY;
    };
    JsonRpcMessage.ErrorResponse e = McpErrors.of(NullNode.getInstance(), rpc, message);
    return Reply.Full.json(status, codec.encode(e));
  }
}
