package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A standard five-field cron expression: minute, hour, day of month, month, day of week, each
 * {@code *}, a number, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a list of
 * these; month and day names ({@code JAN}, {@code MON}) and day 7 as Sunday are accepted, and
 * the macros {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code
 * @yearly}. As in Vixie cron, when both day fields are restricted a day matching either runs.
 * Immutable; none of the chosen dependencies parses cron, so this small one exists.
 */
public final class CronExpression {
  private static final Map<String, String> MACROS = Map.of(
      "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  /** Far enough for any satisfiable expression (Feb 29 on a given weekday recurs in 28 years). */
  private static final int MAX_YEARS = 30;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean dayRestricted;
  private final boolean weekdayRestricted;

  private CronExpression(String text, BitSet[] fields, boolean dayRestricted,
      boolean weekdayRestricted) {
    this.text = text;
    this.minutes = fields[0];
    this.hours = fields[1];
    this.days = fields[2];
    this.months = fields[3];
    this.weekdays = fields[4];
    this.dayRestricted = dayRestricted;
    this.weekdayRestricted = weekdayRestricted;
  }

  /**
   * Parses {@code text}.
   *
   * @throws PostureException naming the field at fault, e.g. {@code cron: 61 * * * * (minute:
   *     61; expected: 0-59)}
   */
  public static CronExpression parse(String text) {
    requireNonNull(text, "text");
    String trimmed = text.strip();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    String[] parts = expanded.split("\\s+");
    if (parts.length != 5) {
      throw new PostureException("cron: " + text + " (expected: five fields, minute hour"
          + " day-of-month month day-of-week, such as 0 */6 * * *)");
    }
    BitSet[] fields = new BitSet[5];
    fields[0] = field(text, "minute", parts[0], 0, 59, List.of(), 0);
    fields[1] = field(text, "hour", parts[1], 0, 23, List.of(), 0);
    fields[2] = field(text, "day-of-month", parts[2], 1, 31, List.of(), 0);
    fields[3] = field(text, "month", parts[3], 1, 12, MONTHS, 1);
    fields[4] = field(text, "day-of-week", parts[4], 0, 7, DAYS, 0);
    if (fields[4].get(7)) {
      fields[4].set(0); // 7 is Sunday too
    }
    return new CronExpression(trimmed, fields, !parts[2].equals("*"), !parts[4].equals("*"));
  }

  private static BitSet field(String text, String name, String spec, int min, int max,
      List<String> names, int nameBase) {
    BitSet out = new BitSet(max + 1);
    for (String item : spec.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(text, name, item.substring(slash + 1), 1, max, List.of(), 0);
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else {
        int dash = range.indexOf('-');
        lo = number(text, name, dash < 0 ? range : range.substring(0, dash), min, max, names,
            nameBase);
        hi = dash < 0 ? (slash >= 0 ? max : lo)
            : number(text, name, range.substring(dash + 1), min, max, names, nameBase);
        if (hi < lo) {
          throw bad(text, name, item, min + "-" + max + " with the low end first");
        }
      }
      for (int v = lo; v <= hi; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static int number(String text, String name, String token, int min, int max,
      List<String> names, int nameBase) {
    int named = names.indexOf(token.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + nameBase;
    }
    if (!token.isEmpty() && token.length() <= 2 && token.chars().allMatch(Character::isDigit)) {
      int v = Integer.parseInt(token);
      if (v >= min && v <= max) {
        return v;
      }
    }
    throw bad(text, name, token, min + "-" + max + (names.isEmpty() ? "" : " or "
        + names.getFirst() + "-" + names.getLast()));
  }

  private static PostureException bad(String text, String name, String token, String expected) {
    return new PostureException("cron: " + text + " (" + name + ": " + token + "; expected: "
        + expected + ")");
  }

  /** Whether the minute holding {@code time} is one this expression fires at. */
  public boolean matches(ZonedDateTime time) {
    return minutes.get(time.getMinute()) && hours.get(time.getHour())
        && months.get(time.getMonthValue()) && dayMatches(time);
  }

  private boolean dayMatches(ZonedDateTime time) {
    boolean day = days.get(time.getDayOfMonth());
    boolean weekday = weekdays.get(time.getDayOfWeek() == DayOfWeek.SUNDAY ? 0
        : time.getDayOfWeek().getValue());
    if (dayRestricted && weekdayRestricted) {
      return day || weekday;
    }
    return day && weekday;
  }

  /**
   * The first minute strictly after {@code after} that matches, in {@code zone}; empty when
   * none comes within thirty years (such as {@code 0 0 30 2 *}).
   */
  public Optional<Instant> next(Instant after, ZoneId zone) {
    requireNonNull(after, "after");
    requireNonNull(zone, "zone");
    ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(MAX_YEARS);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return Optional.of(t.toInstant());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The expression as written. */
  @Override
  public String toString() {
    return text;
  }
}
