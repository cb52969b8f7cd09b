package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.dlp.EntityTypes;
import io.rampart.dlp.RedactionAction;
import io.rampart.dlp.RedactionPolicy;
import io.rampart.dlp.SensitivityLabel;
import java.util.Optional;

/**
 * What a route enforces on content ({@code policy:} of a route).
 *
 * @param request DLP actions on what callers send (default: secrets block, the rest replace)
 * @param response DLP actions on what the model answers (default: replace everything)
 * @param maxLabel highest sensitivity label allowed to leave through this route (data boundary);
 *     empty allows any
 * @param guard guard inspection of prompts, retrieved content and responses
 * @param failOpen when a detector errors or times out: false blocks (the default), true lets the
 *     request through and records {@code fail_open} on its event
 */
public record PolicyConfig(
    RedactionPolicy request,
    RedactionPolicy response,
    Optional<SensitivityLabel> maxLabel,
    GuardPolicy guard,
    boolean failOpen) {

  /** Secrets block, everything else is replaced by {@code <TYPE>}; guard on with engine defaults. */
  public static final PolicyConfig DEFAULT =
      new PolicyConfig(
          defaultRequest(), RedactionPolicy.builder().build(), Optional.empty(), GuardPolicy.DEFAULT,
          false);

  public PolicyConfig {
    requireNonNull(request, "request");
    requireNonNull(response, "response");
    requireNonNull(maxLabel, "maxLabel");
    requireNonNull(guard, "guard");
  }

  private static RedactionPolicy defaultRequest() {
    RedactionPolicy.Builder b = RedactionPolicy.builder();
    EntityTypes.SECRETS.forEach(t -> b.action(t, new RedactionAction.Block()));
    return b.build();
  }

  /**
   * Guard settings of a route. A threshold overrides the engine's decision for that surface:
   * content is blocked when the verdict's score reaches it; empty keeps the engine's decision.
   * {@code policy} names a policy under {@code guard.policies} (its allow-lists, disabled rules
   * and thresholds); empty means the {@code guard:} section's default policy.
   */
  public record GuardPolicy(
      boolean enabled,
      Optional<Double> promptThreshold,
      Optional<Double> retrievedThreshold,
      Optional<Double> responseThreshold,
      Optional<String> policy) {
    public static final GuardPolicy DEFAULT =
        new GuardPolicy(true, Optional.empty(), Optional.empty(), Optional.empty());

    public GuardPolicy {
      check("prompt-threshold", promptThreshold);
      check("retrieved-threshold", retrievedThreshold);
      check("response-threshold", responseThreshold);
      requireNonNull(policy, "policy");
      policy.ifPresent(p -> {
        if (p.isBlank()) {
          throw new IllegalArgumentException("policy: '' (expected: a policy name)");
        }
      });
    }

    /** The default guard policy with these thresholds. */
    public GuardPolicy(boolean enabled, Optional<Double> promptThreshold,
        Optional<Double> retrievedThreshold, Optional<Double> responseThreshold) {
      this(enabled, promptThreshold, retrievedThreshold, responseThreshold, Optional.empty());
    }

    private static void check(String field, Optional<Double> value) {
      requireNonNull(value, field);
      value.ifPresent(v -> {
        if (!(v > 0 && v <= 1)) {
          throw new IllegalArgumentException(field + ": " + v + " (expected: 0 < value <= 1)");
        }
      });
    }
  }
}
