package io.rampart.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Errors Jetty raises before a route runs (bad URIs, oversized headers) in the API's JSON error
 * shape instead of Jetty's HTML page. Only the status reason is returned: Jetty's own messages
 * can quote request content.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code,
      @Nullable String message, @Nullable Throwable cause, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  static byte[] body(int status) {
    String code = switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "http_" + status;
    };
    String reason = HttpStatus.getMessage(status).replace("\"", "'");
    return ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"http: " + status + " " + reason
        + " (expected: a well-formed HTTP request)\"}}").getBytes(StandardCharsets.UTF_8);
  }
}
