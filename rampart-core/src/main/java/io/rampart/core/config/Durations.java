package io.rampart.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code
 * 250ms}, combinations such as {@code 1h30m}, {@code 0}, or ISO-8601 ({@code PT12H}).
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(?:[0-9]+(?:ms|w|d|h|m|s))+");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|w|d|h|m|s)");

  private Durations() {}

  /**
   * Parses {@code text}, throwing {@code IllegalArgumentException} that names {@code field} when
   * it is not a duration (for command-line options and API parameters).
   */
  public static Duration parse(String field, String text) {
    return parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    field + ": " + text + " (expected: a duration such as 30d, 12h, 15m or PT1H)"));
  }

  /** Parses {@code text}; empty when it is not a duration. */
  public static Optional<Duration> parse(String text) {
    String s = text.strip();
    if (s.length() > 64) {
      return Optional.empty(); // no real duration is this long; keeps the regex cheap
    }
    try {
      if (s.equals("0")) {
        return Optional.of(Duration.ZERO);
      }
      if (SHORT.matcher(s).matches()) {
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(s);
        while (m.find()) {
          total = total.plus(part(Long.parseLong(m.group(1)), m.group(2)));
        }
        return Optional.of(total);
      }
      if (s.startsWith("P") || s.startsWith("-P") || s.startsWith("+P")) {
        return Optional.of(Duration.parse(s));
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      // out of range or malformed: reported by the caller as "not a duration"
    }
    return Optional.empty();
  }

  private static Duration part(long amount, String unit) {
    return switch (unit) {
      case "w" -> Duration.ofDays(Math.multiplyExact(7, amount));
      case "d" -> Duration.ofDays(amount);
      case "h" -> Duration.ofHours(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMillis(amount);
    };
  }

  /** The shortest form {@link #parse} reads back to the same duration. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
      return d.toString();
    }
    StringBuilder out = new StringBuilder();
    append(out, d.toDays(), "d");
    append(out, d.toHoursPart(), "h");
    append(out, d.toMinutesPart(), "m");
    append(out, d.toSecondsPart(), "s");
    append(out, d.toMillisPart(), "ms");
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount != 0) {
      out.append(amount).append(unit);
    }
  }
}
