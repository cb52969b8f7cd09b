package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code guard:} section of rampart.yaml: the default policy and named policies that
 * override some of its settings (thresholds, allow-lists, disabled rules) for one use, such as a
 * gateway route that tolerates more.
 *
 * @param defaults the policy used where none is named
 * @param named policies by name, each already merged over the defaults
 */
public record GuardPolicies(GuardConfig defaults, Map<String, GuardConfig> named) {

  /** No {@code guard:} section: the built-in default policy and no named ones. */
  public static final GuardPolicies DEFAULT = new GuardPolicies(GuardConfig.defaults(), Map.of());

  public GuardPolicies {
    requireNonNull(defaults, "defaults");
    named = Map.copyOf(named);
  }

  /** The named policy, if the section defines it. */
  public Optional<GuardConfig> policy(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(named.get(name));
  }
}
