package io.rampart.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * Opaque page cursors: the id of the last event on a page plus a checksum over that id and
 * the query's filters. The checksum is no secret (a cursor only ever narrows a query the
 * caller may already run); it catches cursors that were edited, truncated or reused with
 * different filters, which would otherwise skip or repeat events silently.
 */
final class EventCursor {
  private static final char VERSION = '1';
  private static final int LENGTH = 1 + 26 + 8;

  private EventCursor() {}

  static String encode(String lastId, EventQuery query) {
    String payload = VERSION + lastId + checksum(lastId, query);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
  }

  /** The id the next page starts below. */
  static String decode(String cursor, EventQuery query) {
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalid(cursor, "");
    }
    if (payload.length() != LENGTH || payload.charAt(0) != VERSION) {
      throw invalid(cursor, "");
    }
    String id = payload.substring(1, 27);
    if (!EventIds.FORMAT.matcher(id).matches()) {
      throw invalid(cursor, "");
    }
    if (!payload.substring(27).equals(checksum(id, query))) {
      throw invalid(cursor, " with the same filters");
    }
    return id;
  }

  private static String checksum(String id, EventQuery query) {
    // Limit is left out: a client may change page size between pages.
    String filters =
        String.join(
            "|",
            id,
            query.types().stream().sorted().collect(Collectors.joining(",")),
            query.severities().stream()
                .sorted(Comparator.naturalOrder())
                .map(Severity::id)
                .collect(Collectors.joining(",")),
            query.minSeverity().map(Severity::id).orElse(""),
            query.principal().map(p -> "p:" + p).orElse(""),
            query.from().map(Object::toString).orElse(""),
            query.to().map(Object::toString).orElse(""));
    CRC32C crc = new CRC32C();
    crc.update(filters.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  private static IllegalArgumentException invalid(String cursor, String detail) {
    String shown = cursor.length() > 48 ? cursor.substring(0, 48) + "..." : cursor;
    return new IllegalArgumentException(
        "cursor: " + shown + " (expected: a cursor from a previous page" + detail + ")");
  }
}
