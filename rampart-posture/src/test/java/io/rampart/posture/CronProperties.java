package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Cron against a brute-force minute-by-minute reference, and the parser against garbage. */
class CronProperties {
  private static final ZoneId ZONE = ZoneOffset.UTC;

  @Provide
  Arbitrary<String> expressions() {
    return Combinators.combine(field(0, 59), field(0, 23), field(1, 31), field(1, 12),
        field(0, 7)).as((a, b, c, d, e) -> a + " " + b + " " + c + " " + d + " " + e);
  }

  private static Arbitrary<String> field(int min, int max) {
    Arbitrary<Integer> n = Arbitraries.integers().between(min, max);
    Arbitrary<String> one = Arbitraries.oneOf(
        Arbitraries.just("*"),
        n.map(String::valueOf),
        Combinators.combine(n, n).as((x, y) -> Math.min(x, y) + "-" + Math.max(x, y)),
        Arbitraries.integers().between(1, Math.max(1, max / 2)).map(s -> "*/" + s),
        Combinators.combine(n, Arbitraries.integers().between(1, Math.min(9, max))).as((x, s) -> x + "/" + s));
    return one.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(",", l));
  }

  /** The first matching minute by walking minutes, within {@code horizon} minutes. */
  private static Optional<Instant> reference(CronExpression cron, Instant after, long horizon) {
    ZonedDateTime t = after.atZone(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (long i = 0; i < horizon; i++, t = t.plusMinutes(1)) {
      if (cron.matches(t)) {
        return Optional.of(t.toInstant());
      }
    }
    return Optional.empty();
  }

  @Property(tries = 300)
  void nextIsTheFirstMatchingMinuteAfter(@ForAll("expressions") String text,
      @ForAll @LongRange(min = 1_700_000_000L, max = 2_000_000_000L) long seconds) {
    CronExpression cron = CronExpression.parse(text);
    Instant after = Instant.ofEpochSecond(seconds);
    Optional<Instant> next = cron.next(after, ZONE);
    long horizon = 60L * 24 * 400; // 400 days, minute by minute
    Optional<Instant> expected = reference(cron, after, horizon);
    if (expected.isPresent()) {
      assertThat(next).isEqualTo(expected);
    } else {
      // rarer than yearly (Feb 29 combinations) or never: if found, it must match and be later
      next.ifPresent(t -> {
        assertThat(t).isAfter(after.plus(horizon - 1, ChronoUnit.MINUTES));
        assertThat(cron.matches(t.atZone(ZONE))).isTrue();
      });
    }
  }

  @Property(tries = 1000)
  void garbageIsRefusedWithACronMessageNeverACrash(@ForAll String text) {
    try {
      CronExpression cron = CronExpression.parse(text);
      assertThat(cron.next(Instant.EPOCH, ZONE)).isNotNull();
    } catch (PostureException e) {
      assertThat(e.getMessage()).startsWith("cron: ").contains("expected");
    }
  }
}
