package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The engines of one {@code guard:} section: the default policy's and one per named policy, all
 * sharing the process's embedding model. {@link #replace} swaps them when the config is reloaded;
 * {@link #current()} and {@link #policy} look the engines up on every call, so a running gateway
 * applies the new policies to its next request while requests in flight finish on the old ones.
 */
public final class GuardEngines {

  private record Snapshot(GuardEngine defaults, Map<String, GuardEngine> named) {}

  private final UnaryOperator<GuardConfig> adjust;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
  private final GuardEngine current = new Current();

  private GuardEngines(UnaryOperator<GuardConfig> adjust) {
    this.adjust = adjust;
  }

  /**
   * Engines for {@code policies}, each policy passed through {@code adjust} first (the gateway's
   * {@code guard-model: disabled} switches the model tier off for all of them, for instance).
   */
  public static GuardEngines create(GuardPolicies policies, UnaryOperator<GuardConfig> adjust) {
    requireNonNull(policies, "policies");
    requireNonNull(adjust, "adjust");
    GuardEngines engines = new GuardEngines(adjust);
    engines.replace(policies);
    return engines;
  }

  /** Engines for {@code policies} as they are. */
  public static GuardEngines create(GuardPolicies policies) {
    return create(policies, UnaryOperator.identity());
  }

  /** Builds engines for {@code policies} and makes them current. */
  public void replace(GuardPolicies policies) {
    requireNonNull(policies, "policies");
    Map<String, GuardEngine> named = new LinkedHashMap<>();
    policies.named().forEach((name, config) ->
        named.put(name, GuardEngine.create(adjust.apply(config))));
    snapshot.set(new Snapshot(GuardEngine.create(adjust.apply(policies.defaults())),
        Map.copyOf(named)));
  }

  /** An engine that runs every call on the current default policy. */
  public GuardEngine current() {
    return current;
  }

  /** The current engine of the named policy, if the section defines it. */
  public Optional<GuardEngine> policy(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(snapshot.get().named().get(name));
  }

  private final class Current implements GuardEngine {
    @Override
    public boolean warmUp() {
      return snapshot.get().defaults().warmUp();
    }

    @Override
    public Verdict inspectPrompt(String text) {
      return snapshot.get().defaults().inspectPrompt(text);
    }

    @Override
    public Verdict inspectRetrieved(String text) {
      return snapshot.get().defaults().inspectRetrieved(text);
    }

    @Override
    public Verdict inspectResponse(String text, Canary... canaries) {
      return snapshot.get().defaults().inspectResponse(text, canaries);
    }

    @Override
    public Verdict inspectTools(JsonNode toolsList) {
      return snapshot.get().defaults().inspectTools(toolsList);
    }

    @Override
    public String toString() {
      return "GuardEngines.current";
    }
  }
}
