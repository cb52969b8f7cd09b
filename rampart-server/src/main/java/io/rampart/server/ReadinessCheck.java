package io.rampart.server;

import static java.util.Objects.requireNonNull;

import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * One named check behind {@code GET /readyz}, for example "the database answers". A check that
 * returns false or throws counts as failed. Checks should bound their own run time (a JDBC
 * validation timeout, say): readiness probes wait for them.
 */
public record ReadinessCheck(String name, BooleanSupplier check) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

  public ReadinessCheck {
    requireNonNull(name, "name");
    requireNonNull(check, "check");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: " + name + " (expected: lower-case letters, digits, _ or -, such as db)");
    }
  }
}
