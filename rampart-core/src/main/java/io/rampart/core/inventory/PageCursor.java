package io.rampart.core.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Opaque cursors for inventory listings: the sort key of the last row of a page plus a checksum
 * over that key and the query's filters, so that an edited cursor, or one reused with other
 * filters, is refused instead of silently skipping rows (as the event log's cursors do).
 */
final class PageCursor {
  private static final String VERSION = "i1";
  private static final char SEP = '\n';

  private PageCursor() {}

  static String encode(List<String> key, String filters) {
    String body = String.join(String.valueOf(SEP), key);
    String payload = VERSION + SEP + body + SEP + checksum(body, filters);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> decode(String cursor, int parts, String filters) {
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(cursor, "");
    }
    List<String> fields = List.of(payload.split(String.valueOf(SEP), -1));
    if (fields.size() != parts + 2 || !fields.getFirst().equals(VERSION)) {
      throw invalid(cursor, "");
    }
    List<String> key = fields.subList(1, parts + 1);
    if (!fields.getLast().equals(checksum(String.join(String.valueOf(SEP), key), filters))) {
      throw invalid(cursor, " with the same filters");
    }
    return List.copyOf(key);
  }

  private static String checksum(String body, String filters) {
    CRC32C crc = new CRC32C();
    crc.update((body + SEP + filters).getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  private static IllegalArgumentException invalid(String cursor, String detail) {
    String shown = cursor.length() > 48 ? cursor.substring(0, 48) + "..." : cursor;
    return new IllegalArgumentException(
        "cursor: " + shown + " (expected: a cursor from a previous page" + detail + ")");
  }
}
