package io.rampart.core.auth;

import io.rampart.core.config.Durations;
import java.time.Duration;

/** Parses token lifetimes ({@code 90m}, {@code 12h}, {@code 30d}, {@code 2w}, ISO-8601) for the API and CLI. */
public final class TokenTtl {
  /** Longest lifetime accepted: a token meant to live longer should not expire at all. */
  public static final Duration MAX = Duration.ofDays(3650);

  private static final String EXPECTED =
      "(expected: a positive duration up to 3650d such as 90m, 12h, 30d, 2w or PT12H)";

  private TokenTtl() {}

  public static Duration parse(String text) {
    String t = text.strip();
    Duration ttl =
        Durations.parse(t)
            .orElseThrow(() -> new IllegalArgumentException("ttl: " + abbreviate(t) + " " + EXPECTED));
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("ttl: " + abbreviate(t) + " " + EXPECTED);
    }
    return ttl;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
