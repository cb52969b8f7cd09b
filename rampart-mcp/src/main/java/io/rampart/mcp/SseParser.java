package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Incremental {@code text/event-stream} parser following the WHATWG HTML spec: bytes arrive in
 * arbitrary chunks and complete events come out. Handles CRLF, LF and CR line endings (also a CRLF
 * split across chunks), a leading BOM, comments, multi-line data, {@code id} (ignored when it
 * holds NUL) and {@code retry} (digits only). Lines are split on bytes, which is safe because CR
 * and LF never occur inside a UTF-8 sequence; each line is then decoded with replacement
 * characters, as the spec asks. Not thread-safe: one parser per stream.
 */
public final class SseParser {
  /** Default bound on one event: 1 MiB. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;

  private final int maxEventBytes;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean lastWasCr;
  private boolean firstLine = true;
  private boolean failed;

  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String type = "";
  private int eventBytes;
  private Optional<String> lastId = Optional.empty();
  private OptionalLong pendingRetry = OptionalLong.empty();
  private OptionalLong retry = OptionalLong.empty();

  private SseParser(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /** A parser that fails once one event (its lines, including field names) exceeds the bound. */
  public static SseParser create(int maxEventBytes) {
    if (maxEventBytes <= 0) {
      throw new McpException("max-event-bytes: " + maxEventBytes + " (expected: > 0)");
    }
    return new SseParser(maxEventBytes);
  }

  public static SseParser create() {
    return create(DEFAULT_MAX_EVENT_BYTES);
  }

  /** Feeds a whole chunk. */
  public List<SseEvent> feed(byte[] chunk) {
    return feed(requireNonNull(chunk, "chunk"), 0, chunk.length);
  }

  /**
   * Feeds {@code len} bytes from {@code off} and returns the events they completed, in order.
   *
   * @throws McpException when an event exceeds the bound; the parser then refuses further input
   */
  public List<SseEvent> feed(byte[] chunk, int off, int len) {
    requireNonNull(chunk, "chunk");
    if (off < 0 || len < 0 || off > chunk.length - len) {
      throw new McpException("range: " + off + "+" + len + " (expected: within " + chunk.length + " bytes)");
    }
    if (failed) {
      throw new McpException("stream: failed earlier (expected: a new parser per stream)");
    }
    List<SseEvent> out = new ArrayList<>(0);
    int end = off + len;
    for (int i = off; i < end; i++) {
      byte b = chunk[i];
      if (b == '\n' && lastWasCr) {
        lastWasCr = false; // second half of a CRLF
        continue;
      }
      lastWasCr = b == '\r';
      if (b == '\r' || b == '\n') {
        endLine(out);
      } else {
        append(b);
      }
    }
    return out;
  }

  /** End of stream: an event without its terminating blank line is discarded, per the spec. */
  public void finish() {
    lineLength = 0;
    resetEvent();
  }

  /** The last event ID buffer: what a reconnect would send as {@code Last-Event-ID}. */
  public Optional<String> lastEventId() {
    return lastId;
  }

  /** The last valid {@code retry} value seen, in milliseconds. */
  public OptionalLong retryMillis() {
    return retry;
  }

  private void append(byte b) {
    if (eventBytes + lineLength + 1 > maxEventBytes) {
      failed = true;
      throw new McpException(
          "event: more than " + maxEventBytes + " bytes (expected: at most " + maxEventBytes + ")");
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, Math.min(maxEventBytes + 1, line.length * 2));
    }
    line[lineLength++] = b;
  }

  private void endLine(List<SseEvent> out) {
    int start = 0;
    if (firstLine) {
      firstLine = false;
      if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
        start = 3;
      }
    }
    String text = new String(line, start, lineLength - start, StandardCharsets.UTF_8);
    eventBytes += lineLength + 1;
    lineLength = 0;
    if (text.isEmpty()) {
      dispatch(out);
      return;
    }
    if (text.charAt(0) == ':') {
      return; // comment, often a keep-alive
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = "";
    if (colon >= 0) {
      int v = colon + 1;
      if (v < text.length() && text.charAt(v) == ' ') {
        v++;
      }
      value = text.substring(v);
    }
    switch (field) {
      case "event" -> type = value;
      case "data" -> {
        data.append(value).append('\n');
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastId = Optional.of(value);
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          long ms = Long.parseLong(value);
          retry = OptionalLong.of(ms);
          pendingRetry = OptionalLong.of(ms);
        }
      }
      default -> {
        // unknown fields are ignored, per the spec
      }
    }
  }

  private void dispatch(List<SseEvent> out) {
    if (hasData) {
      String d = data.substring(0, data.length() - 1);
      // An empty id field resets the last event ID, so it is reported as absent.
      Optional<String> id = lastId.filter(s -> !s.isEmpty());
      out.add(new SseEvent(type.isEmpty() ? "message" : type, d, id, pendingRetry));
      pendingRetry = OptionalLong.empty();
    }
    resetEvent();
  }

  private void resetEvent() {
    data.setLength(0);
    hasData = false;
    type = "";
    eventBytes = 0;
  }
}
