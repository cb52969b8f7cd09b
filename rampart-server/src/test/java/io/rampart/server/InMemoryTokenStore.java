package io.rampart.server;

import io.rampart.core.Secret;
import io.rampart.core.auth.ApiToken;
import io.rampart.core.auth.ApiTokenStore;
import io.rampart.core.auth.IssuedToken;
import io.rampart.core.auth.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ApiTokenStore} in a map. Bearers look like {@code rmp_<id>_<secret>}. Two switches
 * simulate broken stores: {@link #failWith} makes verify throw, {@link #ignoreExpiry} makes it
 * return tokens that are no longer active.
 */
final class InMemoryTokenStore implements ApiTokenStore {
  private record Entry(ApiToken token, Secret bearer) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> tokens = new LinkedHashMap<>();
  private volatile RuntimeException failure;
  private volatile boolean ignoreExpiry;
  private int counter;

  InMemoryTokenStore(Clock clock) {
    this.clock = clock;
  }

  void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  void ignoreExpiry(boolean ignore) {
    this.ignoreExpiry = ignore;
  }

  /** Creates a token and returns just its bearer value. */
  String issue(String name, Role role) {
    return create(name, role).bearer().reveal();
  }

  @Override
  public IssuedToken create(String name, Role role) {
    return store(name, role, null);
  }

  @Override
  public IssuedToken create(String name, Role role, Duration ttl) {
    return store(name, role, clock.instant().plus(ttl));
  }

  private synchronized IssuedToken store(String name, Role role, Instant expires) {
    String id = "tok%04d".formatted(++counter);
    String bearer = "rmp_" + id + "_" + HexFormat.of().formatHex(random.generateSeed(16));
    ApiToken token = new ApiToken(id, name, role, clock.instant(), expires, null);
    tokens.put(id, new Entry(token, Secret.of(bearer)));
    return new IssuedToken(token, Secret.of(bearer));
  }

  @Override
  public synchronized ApiToken importToken(String name, Role role, String bearer) {
    String id = "imp%04d".formatted(++counter);
    ApiToken token = new ApiToken(id, name, role, clock.instant(), null, null);
    tokens.put(id, new Entry(token, Secret.of(bearer)));
    return token;
  }

  @Override
  public synchronized Optional<ApiToken> verify(String bearer) {
    if (failure != null) {
      throw failure;
    }
    return tokens.values().stream()
        .filter(e -> e.bearer().matches(bearer))
        .map(Entry::token)
        .filter(t -> ignoreExpiry || t.activeAt(clock.instant()))
        .findFirst();
  }

  @Override
  public synchronized List<ApiToken> list() {
    List<ApiToken> all = new ArrayList<>(tokens.values().stream().map(Entry::token).toList());
    return all.reversed();
  }

  @Override
  public synchronized Optional<ApiToken> find(String id) {
    return Optional.ofNullable(tokens.get(id)).map(Entry::token);
  }

  @Override
  public synchronized boolean revoke(String id) {
    Entry e = tokens.get(id);
    if (e == null) {
      return false;
    }
    if (e.token().revoked().isEmpty()) {
      ApiToken t = e.token();
      ApiToken revoked =
          new ApiToken(t.id(), t.name(), t.role(), t.created(), t.expiresAt(), clock.instant());
      tokens.put(id, new Entry(revoked, e.bearer()));
    }
    return true;
  }

  @Override
  public synchronized boolean hasActiveAdmin() {
    return tokens.values().stream()
        .anyMatch(e -> e.token().role() == Role.ADMIN && e.token().activeAt(clock.instant()));
  }
}
