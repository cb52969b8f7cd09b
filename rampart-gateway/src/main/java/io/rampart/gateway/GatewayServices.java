package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.rampart.core.event.EventLog;
import io.rampart.dlp.DlpEngine;
import io.rampart.guard.GuardEngine;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * What the gateway uses but does not own: the event log it writes {@code gateway.request} to,
 * the DLP and guard engines, the clock (quotas, key expiry, circuit breakers) and the source of
 * randomness (pseudonym session tags), and the registry for the {@code
 * rampart.gateway.requests} timer (tags: route, decision, status). {@code guardPolicies} finds the
 * engine of a named guard policy that a route selects ({@code policy.guard.policy}); it is asked
 * on every request so that reloaded policies apply.
 */
public record GatewayServices(
    EventLog events,
    DlpEngine dlp,
    GuardEngine guard,
    Clock clock,
    RandomGenerator random,
    MeterRegistry meters,
    Function<String, Optional<GuardEngine>> guardPolicies) {
  public GatewayServices {
    requireNonNull(events, "events");
    requireNonNull(dlp, "dlp");
    requireNonNull(guard, "guard");
    requireNonNull(clock, "clock");
    requireNonNull(random, "random");
    requireNonNull(meters, "meters");
    requireNonNull(guardPolicies, "guardPolicies");
  }

  /** Without named guard policies. */
  public GatewayServices(EventLog events, DlpEngine dlp, GuardEngine guard, Clock clock,
      RandomGenerator random, MeterRegistry meters) {
    this(events, dlp, guard, clock, random, meters, name -> Optional.empty());
  }

  /** With the system clock and a {@link SecureRandom}. */
  public static GatewayServices of(
      EventLog events, DlpEngine dlp, GuardEngine guard, MeterRegistry meters) {
    return new GatewayServices(events, dlp, guard, Clock.systemUTC(), new SecureRandom(), meters);
  }
}
