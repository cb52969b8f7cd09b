package io.rampart.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rampart.core.auth.ApiToken;
import io.rampart.gateway.OversizedBodies;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single Jetty handler: routes, authenticates, reads bounded bodies, runs the route's
 * handler, writes its {@link Reply} and records a timer per route template. Runs on virtual
 * threads, so it reads and writes with plain blocking streams.
 */
final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  static final String TIMER = "rampart.http.server.requests";
  private static final String BODY_READ = ApiHandler.class.getName() + ".bodyRead";

  private final Router router;
  private final BearerAuth auth;
  private final ObjectMapper json;
  private final MeterRegistry meters;
  private final int maxBodyBytes;

  ApiHandler(Router router, BearerAuth auth, ObjectMapper json, MeterRegistry meters,
      int maxBodyBytes) {
    this.router = requireNonNull(router, "router");
    this.auth = requireNonNull(auth, "auth");
    this.json = requireNonNull(json, "json");
    this.meters = requireNonNull(meters, "meters");
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Timer.Sample sample = Timer.start(meters);
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    Router.Match match = router.match(method, path);
    String routeTag = match instanceof Router.Found f ? f.route().path() : "unmatched";
    Reply reply;
    try {
      reply = dispatch(request, method, path, match);
    } catch (ApiException e) {
      reply = error(e);
    } catch (RuntimeException e) {
      // the route template, not the raw path or headers: those may carry user data
      LOG.error("{} {} failed", method, routeTag, e);
      reply = error(new ApiException(ApiException.Kind.INTERNAL,
          "request: failed (expected: success; see the server log)"));
    }
    if (request.getAttribute(BODY_READ) == null && hasBody(request)) {
      // the body was refused unread: if it is still arriving, Jetty closes the connection after
      // this response; saying so up front stops a client reusing it for its next request
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    int status = write(reply, response, callback, routeTag);
    sample.stop(meters.timer(TIMER,
        "method", KNOWN_METHODS.contains(method) ? method : "OTHER",
        "route", routeTag,
        "status", Integer.toString(status)));
    return true;
  }

  private Reply dispatch(Request request, String method, String path, Router.Match match) {
    List<String> authorization = request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION);
    switch (match) {
      case Router.Found(Route route, Map<String, String> params) -> {
        Optional<ApiToken> caller = Optional.empty();
        if (route.access().needsToken()) {
          ApiToken token = auth.authenticate(authorization);
          BearerAuth.authorize(token, route.access());
          caller = Optional.of(token);
        }
        Map<String, List<String>> query = query(request, route);
        byte[] body = BODY_METHODS.contains(method) ? readBody(request) : new byte[0];
        return route.handler().handle(new Call(route, params, query, caller, body, json));
      }
      case Router.WrongMethod(String allowed) -> {
        // under /api even the shape of the route table is only for authenticated callers
        if (Route.isApi(path)) {
          auth.authenticate(authorization);
        }
        throw new ApiException(ApiException.Kind.METHOD_NOT_ALLOWED,
            "method: " + method + " (expected: " + allowed + ")", Map.of("Allow", allowed));
      }
      case Router.NotFound() -> {
        if (Route.isApi(path)) {
          auth.authenticate(authorization);
        }
        throw ApiException.notFound("path: " + path + " (expected: a route of /api/openapi.json)");
      }
    }
  }

  private static Map<String, List<String>> query(Request request, Route route) {
    Fields fields;
    try {
      fields = Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("query: malformed (expected: URL-encoded name=value pairs)");
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      if (!route.queryParams().contains(field.getName())) {
        String expected = route.queryParams().isEmpty()
            ? "no query parameters"
            : "one of " + String.join(", ", route.queryParams());
        throw ApiException.badRequest(field.getName() + ": unknown parameter (expected: "
            + expected + ")");
      }
      query.put(field.getName(), List.copyOf(field.getValues()));
    }
    return query;
  }

  private static boolean hasBody(Request request) {
    return request.getLength() > 0
        || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  private byte[] readBody(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime = type == null ? null : MimeTypes.getContentTypeWithoutCharset(type).strip();
    if (mime != null && !"application/json".equalsIgnoreCase(mime)) {
      throw new ApiException(ApiException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "content-type: " + type + " (expected: application/json)");
    }
    long declared = request.getLength();
    try (InputStream in = Request.asInputStream(request)) {
      if (declared > maxBodyBytes) {
        throw tooLarge(in);
      }
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge(in);
      }
      request.setAttribute(BODY_READ, Boolean.TRUE);
      return body;
    } catch (IOException e) {
      throw ApiException.badRequest("body: unreadable (expected: a complete request body)");
    }
  }

  private ApiException tooLarge(InputStream rest) {
    Map<String, String> headers =
        OversizedBodies.discard(rest) ? Map.of() : Map.of("Connection", "close");
    return new ApiException(ApiException.Kind.PAYLOAD_TOO_LARGE,
        "body: larger than " + maxBodyBytes + " bytes (expected: at most " + maxBodyBytes + ")",
        headers);
  }

  private Reply error(ApiException e) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("code", e.kind().code());
    detail.put("message", e.getMessage());
    return new Reply.Json(e.kind().status(), Map.of("error", detail), e.headers());
  }

  private int write(Reply reply, Response response, Callback callback, String routeTag) {
    response.setStatus(reply.status());
    var headers = response.getHeaders();
    // API answers carry tokens and events: never let a proxy or browser cache them
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    reply.headers().forEach(headers::put);
    try {
      switch (reply) {
        case Reply.Json j -> send(response, "application/json", json.writeValueAsBytes(j.body()));
        case Reply.Text t ->
            send(response, t.contentType(), t.body().getBytes(StandardCharsets.UTF_8));
        case Reply.Empty e -> Content.Sink.write(response, true, ByteBuffer.allocate(0));
        case Reply.Stream s -> {
          headers.put(HttpHeader.CONTENT_TYPE, s.contentType());
          return stream(s, response, callback, routeTag);
        }
      }
      callback.succeeded();
    } catch (IOException | RuntimeException e) {
      LOG.debug("writing the response of {} failed", routeTag, e);
      callback.failed(e);
    }
    return reply.status();
  }

  private int stream(Reply.Stream s, Response response, Callback callback, String routeTag) {
    // buffered, so a writer that fails before its first 64 KiB can still get a JSON error
    OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), 65536);
    try {
      s.writer().writeTo(out);
      out.close();
      callback.succeeded();
      return s.status();
    } catch (IOException | RuntimeException e) {
      LOG.error("streaming the response of {} failed", routeTag, e);
      if (!response.isCommitted()) {
        response.reset();
        ApiException failure = new ApiException(ApiException.Kind.INTERNAL,
            "export: failed (expected: success; see the server log)");
        return write(error(failure), response, callback, routeTag);
      }
      // already committed: abort, so the client sees a broken stream rather than a short one
      callback.failed(e);
      return 500;
    }
  }

  private static void send(Response response, String contentType, byte[] body) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    Content.Sink.write(response, true, ByteBuffer.wrap(body));
  }
}
