package io.rampart.dlp;

import java.util.Set;

/**
 * Redacts a chunked stream: each feed returns the redacted text that is final so far (everything
 * before the scanner's commit point), so safe text flows with a short delay and a value split
 * across chunks is still replaced whole. Once a blocking type appears the stream stays blocked.
 * Not thread-safe.
 */
public final class StreamingRedactor {
  private final Redactor redactor;
  private final DefaultStreamingScanner scanner;
  private final PseudonymSession session;
  private Set<String> blocked = Set.of();
  private int replaced;

  StreamingRedactor(Redactor redactor, DefaultStreamingScanner scanner, PseudonymSession session) {
    this.redactor = redactor;
    this.scanner = scanner;
    this.session = session;
  }

  /** Adds a chunk; returns the text safe to pass on now, or Blocked. */
  public RedactionResult feed(CharSequence chunk) {
    if (!blocked.isEmpty()) {
      return new RedactionResult.Blocked(blocked);
    }
    scannerFeed(chunk);
    return emit(scanner.step(false));
  }

  /** Ends the stream; returns the rest of the redacted text, or Blocked. */
  public RedactionResult finish() {
    if (!blocked.isEmpty()) {
      return new RedactionResult.Blocked(blocked);
    }
    return emit(scanner.step(true));
  }

  /** Findings replaced so far. */
  public int replaced() {
    return replaced;
  }

  private void scannerFeed(CharSequence chunk) {
    scanner.append(chunk);
  }

  private RedactionResult emit(DefaultStreamingScanner.Step step) {
    String text = step.text();
    int from = (int) (step.committedFrom() - step.base());
    int to = (int) (step.commitTo() - step.base());
    StringBuilder out = new StringBuilder(Math.max(0, to - from));
    int cursor = from;
    for (Finding f : step.findings()) {
      if (f.start() < from || f.start() >= to) {
        continue;
      }
      if (redactor.policy().actionFor(f.type()) instanceof RedactionAction.Block) {
        blocked = redactor.blockedTypes(step.findings().stream()
            .filter(x -> x.start() >= from).toList());
        return new RedactionResult.Blocked(blocked);
      }
      out.append(text, cursor, f.start());
      out.append(redactor.replacement(f.type(), f.value(text), session));
      cursor = f.end();
      replaced++;
    }
    if (to > cursor) {
      out.append(text, cursor, to);
    }
    scanner.trim(step);
    return new RedactionResult.Redacted(out.toString(), replaced);
  }
}
