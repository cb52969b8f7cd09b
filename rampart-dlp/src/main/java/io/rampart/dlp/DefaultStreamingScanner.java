package io.rampart.dlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a bounded window of the stream. A scan of the window commits everything before the
 * commit point: normally a short hold-back before the end, pulled back to the start of any value
 * or long token that touches the end (it may still grow) or of an unterminated PEM block, but
 * never further back than the configured window.
 */
final class DefaultStreamingScanner implements StreamingScanner {
  static final int HOLD = 256;
  private static final int CONTEXT_KEEP = 128;
  private static final String PEM_BEGIN = "-----BEGIN ";

  private final DefaultDlpEngine engine;
  private final int window;
  private StringBuilder buf = new StringBuilder();
  /** Reused for windows too large for the normalizer's per-thread scratch (large file chunks). */
  private char[] scratch;
  private long base;
  private long cpBase;
  private long committed;
  private long scannedUpTo;
  private boolean finished;

  DefaultStreamingScanner(DefaultDlpEngine engine, int window) {
    this.engine = engine;
    this.window = window;
  }

  /** Absolute offset of the oldest char still held. */
  long bufferStart() {
    return base;
  }

  @Override
  public long position() {
    return base + buf.length();
  }

  /** The window text, findings in it and the commit point, for the streaming redactor. */
  record Step(String text, long base, long committedFrom, long commitTo, List<Finding> findings) {}

  /** Appends without scanning; the streaming redactor steps on every chunk itself. */
  void append(CharSequence chunk) {
    if (finished) {
      throw new DlpException("stream: finished (expected: feed before finish)");
    }
    if (chunk instanceof java.nio.CharBuffer cb && cb.hasArray()) {
      // readers hand over char arrays: a bulk copy, not a charAt call per char
      buf.append(cb.array(), cb.arrayOffset() + cb.position(), cb.remaining());
    } else {
      buf.append(chunk);
    }
  }

  @Override
  public List<StreamFinding> feed(CharSequence chunk) {
    append(chunk);
    long end = base + buf.length();
    if (end - scannedUpTo < Math.min(HOLD, window / 4) + 64 && buf.length() < window) {
      return List.of();
    }
    return emit(step(false));
  }

  @Override
  public List<StreamFinding> finish() {
    if (finished) {
      return List.of();
    }
    finished = true;
    return emit(step(true));
  }

  Step step(boolean last) {
    String text = buf.toString();
    if (text.length() > 1 << 16 && (scratch == null || scratch.length < text.length())) {
      scratch = new char[text.length() + (text.length() >> 3)];
    }
    List<Finding> found = engine.scan(text, text.length() > 1 << 16 ? scratch : null);
    int n = text.length();
    scannedUpTo = base + n;
    int c = n;
    if (!last) {
      c = Math.max(0, n - HOLD);
      for (Finding f : found) {
        if (f.end() >= n - 1) {
          c = Math.min(c, f.start());
        }
      }
      int t = n;
      while (t > 0 && !Character.isWhitespace(text.charAt(t - 1))) {
        t--;
      }
      c = Math.min(c, t);
      // only a PEM block that starts after the earliest possible commit point can pull it back:
      // searching the whole window (a whole file chunk) from the end cost a tenth of the scan
      int pem = -1;
      int lo = Math.max(0, Math.max(n - window, (int) Math.max(0, committed - base)));
      for (int k = text.indexOf(PEM_BEGIN, lo); k >= 0; k = text.indexOf(PEM_BEGIN, k + 1)) {
        pem = k;
      }
      if (pem >= 0 && text.indexOf("-----END ", pem) < 0) {
        c = Math.min(c, pem);
      }
      c = Math.max(c, n - window);
      c = Math.max(c, (int) Math.max(0, committed - base));
    }
    long from = committed;
    long to = base + c;
    // a value that starts before the commit point is committed whole
    for (Finding f : found) {
      if (base + f.start() >= from && base + f.start() < to && base + f.end() > to) {
        to = base + f.end();
      }
    }
    committed = Math.max(committed, to);
    return new Step(text, base, from, to, found);
  }

  private List<StreamFinding> emit(Step step) {
    List<StreamFinding> out = new ArrayList<>();
    String text = step.text();
    int cursor = 0;
    long cp = cpBase;
    for (Finding f : step.findings()) {
      long abs = step.base() + f.start();
      if (abs < step.committedFrom() || abs >= step.commitTo()) {
        continue;
      }
      // String.codePointCount, not Character.codePointCount(CharSequence): the latter walks the
      // window through charAt and was a fifth of the streaming time
      cp += text.codePointCount(cursor, f.start());
      long cpLen = text.codePointCount(f.start(), f.end());
      out.add(new StreamFinding(f.type(), abs, step.base() + f.end(), cp, cp + cpLen,
          f.confidence(), f.score(), f.detector(), f.value(text)));
      cursor = f.start();
    }
    trim(step);
    return out;
  }

  /** Drops text before the commit point, keeping some left context for keywords. */
  void trim(Step step) {
    long keepFrom = Math.max(base, committed - CONTEXT_KEEP);
    int cut = (int) (keepFrom - base);
    if (cut > 0 && cut < buf.length() && Character.isLowSurrogate(buf.charAt(cut))) {
      cut--;
    }
    if (cut > 0) {
      // count on the step's String (same chars as buf here): String.codePointCount is a length
      // lookup for Latin-1 text, the StringBuilder path walks it char by char
      cpBase += cut <= step.text().length() && base == step.base()
          ? step.text().codePointCount(0, cut) : Character.codePointCount(buf, 0, cut);
      if (base == step.base() && buf.length() == step.text().length()) {
        // a fresh builder from the kept tail: a StringBuilder that once held a char above U+00FF
        // stays UTF-16 for good, and every later window of the stream would pay for it
        buf = new StringBuilder(step.text().length() - cut + 1024).append(step.text(), cut,
            step.text().length());
      } else {
        buf.delete(0, cut);
      }
      base += cut;
    }
  }
}
