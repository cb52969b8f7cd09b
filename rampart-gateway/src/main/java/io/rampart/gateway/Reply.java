package io.rampart.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the pipeline answers: a complete body, or a body written as it streams. */
sealed interface Reply {
  int status();

  Map<String, String> headers();

  /** A complete body. */
  record Full(int status, Map<String, String> headers, String contentType, byte[] body)
      implements Reply {
    static Full json(int status, String json) {
      return new Full(status, Map.of(), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Full withHeader(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new Full(status, h, contentType, body);
    }
  }

  /** A body produced while it is sent (SSE); {@code body} flushes as it goes. */
  record Streamed(int status, Map<String, String> headers, String contentType, Body body)
      implements Reply {}

  /** Writes a streamed body. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
