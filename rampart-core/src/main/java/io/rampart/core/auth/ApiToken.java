package io.rampart.core.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An API token's metadata as stored; the secret part exists only as a hash.
 *
 * @param id public identifier, also the prefix of the presented token
 */
public record ApiToken(
    String id,
    String name,
    Role role,
    Instant created,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt) {

  public ApiToken {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(created, "created");
  }

  public Optional<Instant> expires() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> revoked() {
    return Optional.ofNullable(revokedAt);
  }

  /** Usable at {@code now}: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
