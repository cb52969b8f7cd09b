package io.rampart.dlp;

import java.util.List;

/**
 * Scans a stream that arrives in chunks (an SSE response, a large file). Values that span chunk
 * boundaries are found whole; memory stays bounded by the configured stream window. Each finding
 * is reported exactly once, as soon as no later input can change it. Not thread-safe.
 */
public interface StreamingScanner {
  /** Adds a chunk; returns the findings that became final. */
  List<StreamFinding> feed(CharSequence chunk);

  /** Ends the stream; returns the remaining findings. The scanner cannot be fed afterwards. */
  List<StreamFinding> finish();

  /** UTF-16 chars consumed so far. */
  long position();
}
