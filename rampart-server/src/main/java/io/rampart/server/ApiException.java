package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.rampart.core.RampartException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request failed in a way the client should learn about: it becomes the JSON body {@code
 * {"error": {"code": ..., "message": ...}}} with the status of its {@link Kind}. Messages follow
 * {@code field: value (expected: ...)} and never contain secrets.
 */
public final class ApiException extends RampartException {

  /** The closed set of error responses the API produces. */
  public enum Kind {
    BAD_REQUEST(400, "bad_request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    CONFLICT(409, "conflict"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    INTERNAL(500, "internal"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String code;

    Kind(int status, String code) {
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  private final Kind kind;
  private final Map<String, String> headers;

  public ApiException(Kind kind, String message) {
    this(kind, message, Map.of());
  }

  public ApiException(Kind kind, String message, Map<String, String> headers) {
    super(requireNonNull(message, "message"));
    this.kind = requireNonNull(kind, "kind");
    this.headers = Map.copyOf(new LinkedHashMap<>(requireNonNull(headers, "headers")));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(Kind.BAD_REQUEST, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(Kind.NOT_FOUND, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(Kind.CONFLICT, message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(Kind.UNAVAILABLE, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Extra response headers, such as {@code WWW-Authenticate} or {@code Allow}. */
  public Map<String, String> headers() {
    return headers;
  }
}
