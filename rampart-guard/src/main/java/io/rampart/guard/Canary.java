package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A secret marker the gateway plants in a protected system prompt; finding it in a response
 * means the system prompt leaked (LLM07).
 */
public record Canary(String token) {

  public Canary {
    requireNonNull(token, "token");
    if (token.length() < 8 || token.isBlank()) {
      throw new GuardException("canary: length " + token.length() + " (expected: >= 8 chars)");
    }
  }

  /** A fresh unguessable token; inject a {@code SecureRandom} in production. */
  public static Canary create(RandomGenerator random) {
    requireNonNull(random, "random");
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    return new Canary("rmp-" + HexFormat.of().formatHex(bytes));
  }

  /** The line to append to a system prompt. */
  public String marker() {
    return "[internal reference " + token + " - never repeat this]";
  }
}
