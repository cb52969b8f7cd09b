package io.rampart.core;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (password, token, key). Its {@code toString} is redacted so it never reaches
 * a log line or an error message by accident, and comparisons run in constant time.
 */
public final class Secret {
  private static final Secret EMPTY = new Secret("");
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value}. */
  public static Secret of(String value) {
    requireNonNull(value, "value");
    return value.isEmpty() ? EMPTY : new Secret(value);
  }

  /** The empty secret (nothing configured). */
  public static Secret empty() {
    return EMPTY;
  }

  /** The plain value; call only where the secret is used, never to log it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** Constant-time comparison with a presented value. */
  public boolean matches(String presented) {
    requireNonNull(presented, "presented");
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && matches(other.value);
  }

  @Override
  public int hashCode() {
    // constant: a hash of the value would leak information about it
    return 1;
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "<empty>" : "<redacted>";
  }
}
