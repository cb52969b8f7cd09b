package io.rampart.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Expiry fields of Azure token responses, which come as numbers or as numeric strings. */
final class AzureTokenJson {
  static final String RESOURCE = "https://management.azure.com/";
  /** Refresh this long before the stated expiry. */
  private static final long MARGIN_SECONDS = 60;
  /** Cache life when a response states no usable expiry. */
  private static final long DEFAULT_SECONDS = 300;

  private AzureTokenJson() {}

  /** When to refresh: from an absolute epoch-seconds field, else a relative seconds field. */
  static Instant expiry(Map<String, Object> body, String onField, String inField, Clock clock) {
    Long on = seconds(body.get(onField));
    if (on != null) {
      return Instant.ofEpochSecond(on - MARGIN_SECONDS);
    }
    Long in = seconds(body.get(inField));
    return clock.instant().plusSeconds(Math.max(0, (in == null ? DEFAULT_SECONDS : in)
        - MARGIN_SECONDS));
  }

  private static Long seconds(Object v) {
    if (v instanceof Long n) {
      return n;
    }
    if (v instanceof String s && !s.isBlank() && s.length() < 19
        && s.strip().chars().allMatch(Character::isDigit)) {
      return Long.parseLong(s.strip());
    }
    return null;
  }
}
