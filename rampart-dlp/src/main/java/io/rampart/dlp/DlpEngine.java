package io.rampart.dlp;

import java.util.List;

/**
 * Finds sensitive data in text. Thread-safe and stateless between calls: one engine serves every
 * request. Text is normalized before matching (NFKC, invisible characters, homoglyphs), and
 * findings carry offsets into the original text.
 */
public interface DlpEngine {
  /** An engine with the given configuration; fails fast on an invalid one. */
  static DlpEngine create(DlpConfig config) {
    return new DefaultDlpEngine(config);
  }

  /** An engine with {@link DlpConfig#defaults()}. */
  static DlpEngine create() {
    return create(DlpConfig.defaults());
  }

  /** All findings at or above the configured confidence, sorted by start, non-overlapping. */
  List<Finding> scan(CharSequence text);

  /** A new incremental scanner for one stream (not thread-safe; one per stream). */
  StreamingScanner streamingScanner();

  DlpConfig config();
}
