package io.rampart.cli.dlp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;

/**
 * Output shared by files scanned in parallel, where each file's lines must come out together and
 * nothing may grow with the run. One file at a time owns the output and writes straight to it as
 * its buffer fills; a file that finishes while another owns it queues its lines (written, in
 * completion order, when the owner finishes); a file whose buffer fills while another owns it
 * waits for the owner to finish. The queue holds at most {@code budget} chars (a finished file
 * waits for room), so memory is at most {@code budget} plus one buffer per thread, whatever the
 * number of files or findings. With one thread the single file always owns the output: lines come
 * out in file order, exactly as they are produced.
 */
final class ContiguousOutput {
  private final Appendable out;
  private final long budget;
  private final ArrayDeque<String> queued = new ArrayDeque<>();
  private long queuedChars;
  private long peakQueued;
  private Part owner;

  ContiguousOutput(Appendable out, long budget) {
    this.out = requireNonNull(out, "out");
    if (budget < 1) {
      throw new IllegalArgumentException("budget: " + budget + " (expected: >= 1)");
    }
    this.budget = budget;
  }

  /** A file's lines: appended by one worker thread, handed over with {@link #flush}. */
  final class Part {
    final StringBuilder lines = new StringBuilder();
    private boolean done;

    /**
     * Hands over the buffered lines: written now when this file owns the output or can take it;
     * otherwise waits for the owner to finish (keeping each buffer bounded). Blocks only on
     * another file's progress, never on a file that is itself waiting.
     */
    void flush() {
      handOver(this, false);
    }

    /** Hands over the rest and ends the file; call exactly once per file (in a finally). */
    void close() {
      if (!done) {
        done = true;
        handOver(this, true);
      }
    }
  }

  Part part() {
    return new Part();
  }

  /** The most chars ever queued at once (for tests of the bound). */
  synchronized long peakQueued() {
    return peakQueued;
  }

  private synchronized void handOver(Part p, boolean last) {
    boolean interrupted = false;
    try {
      if (owner != p && owner != null) {
        if (last) {
          // finished while another file streams: queue it, waiting only when the queue is full
          while (owner != null && queuedChars > 0 && queuedChars + p.lines.length() > budget) {
            try {
              wait();
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          if (owner != null) {
            if (!p.lines.isEmpty()) {
              queuedChars += p.lines.length();
              peakQueued = Math.max(peakQueued, queuedChars);
              queued.add(p.lines.toString());
            }
            p.lines.setLength(0);
            return;
          }
        } else {
          while (owner != null) {
            try {
              wait();
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
        }
      }
      owner = p;
      write(p.lines);
      p.lines.setLength(0);
      if (last) {
        owner = null;
        // files that finished while this one streamed, in the order they finished
        while (!queued.isEmpty()) {
          write(queued.poll());
        }
        queuedChars = 0;
        notifyAll();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(CharSequence s) {
    if (s.isEmpty()) {
      return;
    }
    try {
      out.append(s);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
