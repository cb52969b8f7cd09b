package io.rampart.cli.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ContiguousOutputTest {
  @Test
  void eachFilesLinesComeOutTogetherAndTheQueueStaysWithinItsBudget() throws Exception {
    StringBuilder sb = new StringBuilder();
    long budget = 2_000;
    ContiguousOutput out = new ContiguousOutput(sb, budget);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> fs = new ArrayList<>();
    int files = 120;
    for (int f = 0; f < files; f++) {
      int id = f;
      // sizes from a few lines (queued whole) to many buffers (streamed while owning)
      int lines = (f * 37) % 400;
      fs.add(pool.submit(() -> {
        ContiguousOutput.Part p = out.part();
        try {
          for (int k = 0; k < lines; k++) {
            p.lines.append(id).append(':').append(k).append('\n');
            if (p.lines.length() >= 300) {
              p.flush();
            }
          }
        } finally {
          p.close();
        }
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    List<String> got = sb.toString().lines().toList();
    Set<Integer> closed = new HashSet<>();
    int current = -1;
    int next = 0;
    for (String l : got) {
      int id = Integer.parseInt(l.substring(0, l.indexOf(':')));
      int k = Integer.parseInt(l.substring(l.indexOf(':') + 1));
      if (id != current) {
        assertThat(closed.add(current) || current < 0).isTrue();
        assertThat(closed).as("file %d came back after another file's lines", id)
            .doesNotContain(id);
        current = id;
        next = 0;
      }
      assertThat(k).isEqualTo(next++);
    }
    int total = 0;
    for (int f = 0; f < files; f++) {
      total += (f * 37) % 400;
    }
    assertThat(got).hasSize(total);
    // a file is queued whole when the queue is empty, else only if it fits: the budget plus one
    // buffer (flushed at 300 chars, so under 310 when it closes)
    assertThat(out.peakQueued()).isLessThanOrEqualTo(budget + 310);
  }

  @Test
  void oneThreadWritesFilesInOrderAsTheyAreProduced() {
    StringBuilder sb = new StringBuilder();
    ContiguousOutput out = new ContiguousOutput(sb, 10);
    ContiguousOutput.Part a = out.part();
    a.lines.append("a1\n");
    a.flush();
    assertThat(sb).hasToString("a1\n");
    a.lines.append("a2\n");
    a.close();
    a.close();
    ContiguousOutput.Part b = out.part();
    b.lines.append("b1\n");
    b.close();
    assertThat(sb).hasToString("a1\na2\nb1\n");
  }

  @Test
  void aFileThatFinishesWhileAnotherStreamsWaitsForItInTheQueue() {
    StringBuilder sb = new StringBuilder();
    ContiguousOutput out = new ContiguousOutput(sb, 100);
    ContiguousOutput.Part a = out.part();
    a.lines.append("a1\n");
    a.flush(); // a owns the output now
    ContiguousOutput.Part b = out.part();
    b.lines.append("b1\n");
    b.close(); // queued, not written inside a's lines
    a.lines.append("a2\n");
    a.flush();
    assertThat(sb).hasToString("a1\na2\n");
    a.close();
    assertThat(sb).hasToString("a1\na2\nb1\n");
  }

  @Test
  void aBudgetBelowOneIsRejected() {
    assertThatThrownBy(() -> new ContiguousOutput(new StringBuilder(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget: 0");
  }
}
