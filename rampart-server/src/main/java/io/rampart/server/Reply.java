package io.rampart.server;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link RouteHandler} answers: a JSON value, text, nothing, or a streamed body. */
public sealed interface Reply {

  int status();

  /** Extra response headers (content type and caching headers are set by the server). */
  Map<String, String> headers();

  /** Returns a copy of this reply with one more header. */
  Reply withHeader(String name, String value);

  /** A JSON body serialized with Jackson: maps, lists, strings, numbers, booleans. */
  record Json(int status, Object body, Map<String, String> headers) implements Reply {
    public Json {
      checkStatus(status);
      requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    @Override
    public Reply withHeader(String name, String value) {
      return new Json(status, body, plus(headers, name, value));
    }
  }

  /** A text body with an explicit content type (Prometheus text, YAML). */
  record Text(int status, String contentType, String body, Map<String, String> headers)
      implements Reply {
    public Text {
      checkStatus(status);
      requireNonNull(contentType, "contentType");
      requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    @Override
    public Reply withHeader(String name, String value) {
      return new Text(status, contentType, body, plus(headers, name, value));
    }
  }

  /** No body, typically 204. */
  record Empty(int status, Map<String, String> headers) implements Reply {
    public Empty {
      checkStatus(status);
      headers = Map.copyOf(headers);
    }

    @Override
    public Reply withHeader(String name, String value) {
      return new Empty(status, plus(headers, name, value));
    }
  }

  /** A body written progressively, so large exports never sit in memory. */
  record Stream(int status, String contentType, BodyWriter writer, Map<String, String> headers)
      implements Reply {
    public Stream {
      checkStatus(status);
      requireNonNull(contentType, "contentType");
      requireNonNull(writer, "writer");
      headers = Map.copyOf(headers);
    }

    @Override
    public Reply withHeader(String name, String value) {
      return new Stream(status, contentType, writer, plus(headers, name, value));
    }
  }

  static Reply json(Object body) {
    return new Json(200, body, Map.of());
  }

  static Reply json(int status, Object body) {
    return new Json(status, body, Map.of());
  }

  static Reply text(int status, String contentType, String body) {
    return new Text(status, contentType, body, Map.of());
  }

  static Reply noContent() {
    return new Empty(204, Map.of());
  }

  static Reply stream(String contentType, BodyWriter writer) {
    return new Stream(200, contentType, writer, Map.of());
  }

  private static void checkStatus(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 200..599)");
    }
  }

  private static Map<String, String> plus(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
    return copy;
  }
}
