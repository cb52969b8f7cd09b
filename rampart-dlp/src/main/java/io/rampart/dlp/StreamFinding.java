package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

/**
 * A finding from a {@link StreamingScanner}, with offsets from the start of the stream.
 *
 * @param type canonical type id
 * @param start UTF-16 offset of the first char, from the start of the stream
 * @param end UTF-16 offset just after the value
 * @param codePointStart {@code start} counted in Unicode code points
 * @param codePointEnd {@code end} counted in Unicode code points
 * @param confidence confidence level
 * @param score detector score
 * @param detector detector id
 * @param value the matched text; never printed by {@link #toString()}
 */
public record StreamFinding(
    String type,
    long start,
    long end,
    long codePointStart,
    long codePointEnd,
    Confidence confidence,
    double score,
    String detector,
    String value) {
  public StreamFinding {
    requireNonNull(type, "type");
    requireNonNull(confidence, "confidence");
    requireNonNull(detector, "detector");
    requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "StreamFinding[type=" + type + ", start=" + start + ", end=" + end + ", confidence="
        + confidence.id() + ", score=" + score + ", detector=" + detector + "]";
  }
}
