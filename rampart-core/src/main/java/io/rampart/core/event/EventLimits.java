package io.rampart.core.event;

/**
 * Column sizes of the events table, checked before an append is queued so an oversized event
 * fails its own caller with a clear message instead of a driver error.
 */
final class EventLimits {
  static final int TYPE = 200;
  static final int PRINCIPAL = 500;
  static final int ASSET = 1000;
  static final int ATTRIBUTES = 1_000_000;
  static final int REFERENCES = 10_000;

  private EventLimits() {}

  static void check(EventDraft draft) {
    length("type", draft.type(), TYPE);
    length("principal", draft.principal(), PRINCIPAL);
    length("asset", draft.asset(), ASSET);
  }

  static String attributes(String json) {
    return length("attributes", json, ATTRIBUTES);
  }

  static String references(String json) {
    return length("references", json, REFERENCES);
  }

  private static String length(String field, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + ": " + value.substring(0, 40) + "... (" + value.length()
              + " characters; expected: at most " + max + ")");
    }
    return value;
  }
}
