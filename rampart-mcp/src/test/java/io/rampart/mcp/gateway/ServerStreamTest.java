package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The bounded per-session queue of a bridged server's own messages. */
class ServerStreamTest {
  static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads one whole event (they are written whole, and read in one go here). */
  static String event(InputStream in) throws IOException {
    byte[] buf = new byte[4096];
    int n = in.read(buf);
    return n < 0 ? null : new String(buf, 0, n, StandardCharsets.UTF_8);
  }

  @Test
  void aFullQueueDropsItsOldestNotificationKeepsRequestsAndCountsTheDrops() throws IOException {
    ServerStream s = new ServerStream(3, 1 << 20);
    assertThat(s.offer(json("n1"), false)).isTrue();
    assertThat(s.offer(json("r1"), true)).isTrue();
    assertThat(s.offer(json("n2"), false)).isTrue();
    assertThat(s.offer(json("n3"), false)).isTrue(); // n1 goes
    assertThat(s.offer(json("r2"), true)).isTrue(); // n2 goes

    assertThat(s.size()).isEqualTo(3);
    assertThat(s.takeDropped()).isEqualTo(2);
    assertThat(s.takeDropped()).isZero(); // counted once
    InputStream in = s.attach();
    assertThat(event(in)).isEqualTo("event: message\ndata: r1\n\n");
    assertThat(event(in)).isEqualTo("event: message\ndata: n3\n\n");
    assertThat(event(in)).isEqualTo("event: message\ndata: r2\n\n");
  }

  @Test
  void onlyRequestsQueuedARequestIsRefusedAndANotificationIsTheOneDropped() {
    ServerStream s = new ServerStream(2, 1 << 20);
    s.offer(json("r1"), true);
    s.offer(json("r2"), true);

    assertThat(s.offer(json("r3"), true)).isFalse();
    assertThat(s.offer(json("n1"), false)).isTrue(); // accepted, but dropped
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.takeDropped()).isEqualTo(1);
  }

  @Test
  void theByteBoundHoldsAsWellAsTheCount() {
    ServerStream s = new ServerStream(1000, 100);
    for (int i = 0; i < 10; i++) {
      s.offer(json("x".repeat(30)), false); // 53 bytes as an event: one fits at a time
    }
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.takeDropped()).isEqualTo(9);
    // a message larger than the bound still gets through an empty queue
    ServerStream empty = new ServerStream(10, 10);
    assertThat(empty.offer(json("x".repeat(50)), false)).isTrue();
    assertThat(empty.size()).isEqualTo(1);
  }

  @Test
  void aSecondReaderEndsTheFirstAndCloseEndsTheSecond() throws Exception {
    ServerStream s = new ServerStream(10, 1 << 20);
    InputStream first = s.attach();
    InputStream second = s.attach();
    assertThat(first.read()).isEqualTo(-1);
    assertThat(s.attached()).isTrue();

    List<String> read = new ArrayList<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        for (String e; (e = event(second)) != null; ) {
          read.add(e);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    s.offer(json("n1"), false);
    s.close();
    reader.join(10_000);

    assertThat(reader.isAlive()).isFalse();
    assertThat(s.offer(json("n2"), false)).isFalse();
    // n1 may have been read before the close, or cleared by it: never anything else
    assertThat(read).isSubsetOf("event: message\ndata: n1\n\n");
    second.close();
    assertThat(s.attached()).isFalse();
  }

  @Property(tries = 200)
  void neverHoldsMoreThanItsBoundsAndNeverLosesARequestItAccepted(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 200) Integer> sizes,
      @ForAll @IntRange(min = 1, max = 20) int maxMessages) throws IOException {
    ServerStream s = new ServerStream(maxMessages, 1000);
    int accepted = 0;
    for (int i = 0; i < sizes.size(); i++) {
      boolean request = sizes.get(i) % 3 == 0;
      if (s.offer(json(("m" + i + " ").repeat(sizes.get(i) / 4 + 1)), request) && request) {
        accepted++;
      }
      assertThat(s.size()).isBetween(0, maxMessages);
    }
    InputStream in = s.attach();
    int requests = 0;
    int queued = s.size();
    for (int i = 0; i < queued; i++) {
      String e = event(in);
      // the generated request sizes are multiples of 3
      String index = e.substring("event: message\ndata: m".length(), e.indexOf(' ',
          "event: message\ndata: m".length()));
      if (sizes.get(Integer.parseInt(index)) % 3 == 0) {
        requests++;
      }
    }
    assertThat(requests).isEqualTo(accepted);
  }
}
