package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** The engine: normalize, one pass of built-in detectors, custom detectors, resolve, map back. */
final class DefaultDlpEngine implements DlpEngine {
  static final double FLOOR = 0.3;

  private final DlpConfig config;
  private final List<CustomRunner> custom;

  DefaultDlpEngine(DlpConfig config) {
    this.config = requireNonNull(config, "config");
    this.custom = config.customDetectors().stream().map(CustomRunner::new).toList();
  }

  @Override
  public DlpConfig config() {
    return config;
  }

  @Override
  public List<Finding> scan(CharSequence text) {
    requireNonNull(text, "text");
    return scan(text.toString(), null);
  }

  /** Scans {@code text}, reading it through {@code buffer} when that is long enough. */
  List<Finding> scan(String text, char[] buffer) {
    if (buffer != null && buffer.length >= text.length()) {
      return scanWith(text, buffer);
    }
    char[] scratch = CharScratch.take(text.length());
    try {
      return scanWith(text, scratch);
    } finally {
      // Nothing returned refers to the buffer: findings are offsets into the original text.
      CharScratch.give(scratch);
    }
  }

  private List<Finding> scanWith(String text, char[] buffer) {
    TextNormalizer.Normalized norm = TextNormalizer.normalize(text, buffer);
    ScanState st = CoreScanner.scan(norm.text(), norm.chars());
    List<Candidate> extra = List.of();
    if (!custom.isEmpty()) {
      extra = new ArrayList<>();
      for (CustomRunner r : custom) {
        r.run(norm.text(), extra);
      }
    }
    List<Candidate> kept = CoreScanner.resolve(st, extra, FLOOR);
    if (kept.isEmpty()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>(kept.size());
    Confidence min = config.minConfidence();
    for (Candidate c : kept) {
      Confidence conf = Confidence.ofScore(c.base());
      if (conf.compareTo(min) < 0 || config.disabledTypes().contains(c.type())) {
        continue;
      }
      int start = norm.originalStart(c.start());
      int end = norm.originalEnd(c.end());
      double score = Math.round(c.base() * 100) / 100.0;
      out.add(new Finding(c.type(), start, end, conf, score, c.detector()));
    }
    return out;
  }

  @Override
  public StreamingScanner streamingScanner() {
    return new DefaultStreamingScanner(this, config.streamWindow());
  }
}
