package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

/**
 * One sensitive value found in a text. Offsets are UTF-16 indexes into the original (not the
 * normalized) text, end exclusive. The record never holds the value itself, so logging a finding
 * cannot leak it.
 *
 * @param type canonical type id such as {@code CREDIT_CARD}
 * @param start first UTF-16 index of the value
 * @param end UTF-16 index just after the value
 * @param confidence confidence level derived from {@code score}
 * @param score detector score in [0, 1]
 * @param detector id of the detector that produced the finding
 */
public record Finding(
    String type, int start, int end, Confidence confidence, double score, String detector) {
  public Finding {
    requireNonNull(type, "type");
    requireNonNull(confidence, "confidence");
    requireNonNull(detector, "detector");
    if (start < 0 || end < start) {
      throw new DlpException("range: " + start + ".." + end + " (expected: 0 <= start <= end)");
    }
  }

  /** The matched value in {@code text}, which must be the text that was scanned. */
  public String value(CharSequence text) {
    return text.subSequence(start, end).toString();
  }

  /** Length in UTF-16 units. */
  public int length() {
    return end - start;
  }

  /** {@code start} as a Unicode code point offset into {@code text}. */
  public int codePointStart(CharSequence text) {
    return text instanceof String s ? s.codePointCount(0, start)
        : Character.codePointCount(text, 0, start);
  }

  /** {@code end} as a Unicode code point offset into {@code text}. */
  public int codePointEnd(CharSequence text) {
    return text instanceof String s ? s.codePointCount(0, end)
        : Character.codePointCount(text, 0, end);
  }

  /** Whether the two findings share at least one character. */
  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  /** The same finding shifted by {@code delta} characters. */
  public Finding shift(int delta) {
    return new Finding(type, start + delta, end + delta, confidence, score, detector);
  }
}
