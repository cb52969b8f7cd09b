package io.rampart.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  @Test
  void encodesTimeAndRandomnessAsCrockfordBase32() {
    assertThat(EventIds.encode(0, 0, 0)).isEqualTo("0".repeat(26));
    assertThat(EventIds.encode((1L << 48) - 1, 0xFFFF, -1L)).isEqualTo("7" + "Z".repeat(25));
    // The ULID spec's example timestamp 1469918176385 encodes as 01ARYZ6S41.
    assertThat(EventIds.encode(1_469_918_176_385L, 0, 0)).startsWith("01ARYZ6S41");
  }

  @Test
  void idsIncreaseWithinAMillisecondAndWhenTheClockStepsBack() {
    EventIds ids = new EventIds(new Random(3));
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      out.add(ids.next(i < 500 ? t : t.minusSeconds(60)));
    }
    out.add(ids.next(t.plusMillis(1)));
    assertThat(out).doesNotHaveDuplicates().isSorted()
        .allMatch(id -> EventIds.FORMAT.matcher(id).matches());
  }

  @Test
  void randomPartCarriesIntoTheHighBits() {
    assertThat(EventIds.encode(5, 0, -1L).compareTo(EventIds.encode(5, 1, 0))).isNegative();
  }
}
