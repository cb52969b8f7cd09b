package io.rampart.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
  static Instant next(String cron, String after) {
    return CronExpression.parse(cron).next(Instant.parse(after), ZoneOffset.UTC).orElseThrow();
  }

  @Test
  void everySixHoursFiresAtTheNextMultipleOfSix() {
    assertThat(next("0 */6 * * *", "2026-03-01T10:15:00Z"))
        .isEqualTo("2026-03-01T12:00:00Z");
    // strictly after: a run at 12:00 schedules the next one at 18:00
    assertThat(next("0 */6 * * *", "2026-03-01T12:00:00Z"))
        .isEqualTo("2026-03-01T18:00:00Z");
    assertThat(next("0 */6 * * *", "2026-03-01T23:59:59Z"))
        .isEqualTo("2026-03-02T00:00:00Z");
  }

  @Test
  void listsRangesStepsAndNames() {
    assertThat(next("15,45 9-17/4 * * MON-FRI", "2026-03-06T17:50:00Z")) // a Friday
        .isEqualTo("2026-03-09T09:15:00Z");
    assertThat(next("0 0 1 JAN,jul *", "2026-03-01T00:00:00Z"))
        .isEqualTo("2026-07-01T00:00:00Z");
    assertThat(next("30 2 * * 7", "2026-03-01T03:00:00Z")) // 7 is Sunday
        .isEqualTo("2026-03-08T02:30:00Z");
    assertThat(next("5/20 * * * *", "2026-03-01T00:06:00Z"))
        .isEqualTo("2026-03-01T00:25:00Z");
  }

  @Test
  void sameDayLaterSlotComesFirst() {
    assertThat(next("15,45 9-17/4 * * MON-FRI", "2026-03-06T17:30:00Z"))
        .isEqualTo("2026-03-06T17:45:00Z");
  }

  @Test
  void restrictedDayOfMonthAndWeekdayMatchEitherAsInVixieCron() {
    // the 13th, or any Friday: 2026-03-06 is a Friday and comes first
    assertThat(next("0 0 13 * 5", "2026-03-01T00:00:00Z")).isEqualTo("2026-03-06T00:00:00Z");
    assertThat(next("0 0 13 * 5", "2026-03-07T00:00:00Z")).isEqualTo("2026-03-13T00:00:00Z");
  }

  @Test
  void leapDaysAndImpossibleDates() {
    assertThat(next("0 0 29 2 *", "2026-03-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
    assertThat(CronExpression.parse("0 0 30 2 *").next(Instant.EPOCH, ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void macrosAndTimeZones() {
    assertThat(next("@daily", "2026-03-01T10:00:00Z")).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(next("@hourly", "2026-03-01T10:00:00Z")).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(CronExpression.parse("0 9 * * *").next(Instant.parse("2026-03-01T00:00:00Z"),
        ZoneId.of("Europe/Berlin"))).contains(Instant.parse("2026-03-01T08:00:00Z"));
  }

  @Test
  void badExpressionsNameTheFieldAndTheExpectation() {
    assertThatThrownBy(() -> CronExpression.parse("61 * * * *"))
        .isInstanceOf(PostureException.class)
        .hasMessage("cron: 61 * * * * (minute: 61; expected: 0-59)");
    assertThatThrownBy(() -> CronExpression.parse("0 */6 * *"))
        .hasMessageStartingWith("cron: 0 */6 * * (expected: five fields");
    assertThatThrownBy(() -> CronExpression.parse("0 0 * FOO *"))
        .hasMessage("cron: 0 0 * FOO * (month: FOO; expected: 1-12 or JAN-DEC)");
    assertThatThrownBy(() -> CronExpression.parse("0 5-2 * * *"))
        .hasMessageContaining("hour: 5-2; expected: 0-23 with the low end first");
    assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *"))
        .hasMessageContaining("minute: 0; expected: 1-59");
    assertThatThrownBy(() -> CronExpression.parse("0 0 0 * *"))
        .hasMessageContaining("day-of-month: 0");
    assertThatThrownBy(() -> CronExpression.parse("0,,1 * * * *"))
        .hasMessageContaining("minute: ;");
  }
}
