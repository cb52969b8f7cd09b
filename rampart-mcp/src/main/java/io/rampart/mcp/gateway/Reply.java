package io.rampart.mcp.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway answers over HTTP: a complete body, or an SSE body written as it streams. */
sealed interface Reply {
  int status();

  Map<String, String> headers();

  /** A complete body (possibly empty, as for 202). */
  record Full(int status, Map<String, String> headers, String contentType, byte[] body)
      implements Reply {
    static Full json(int status, byte[] body) {
      return new Full(status, Map.of(), "application/json", body);
    }

    static Full empty(int status) {
      return new Full(status, Map.of(), "", new byte[0]);
    }

    static Full text(int status, String text) {
      return new Full(status, Map.of(), "text/plain; charset=utf-8",
          text.getBytes(StandardCharsets.UTF_8));
    }

    Full with(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Full(status, h, contentType, body);
    }
  }

  /** An event stream; {@code body} flushes after each event. */
  record Streamed(int status, Map<String, String> headers, Body body) implements Reply {}

  /** Writes a streamed body. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
