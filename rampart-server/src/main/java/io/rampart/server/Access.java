package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.Permission;
import java.util.Optional;

/** Who may call a {@link Route}: anyone, any valid token, or a token granting a permission. */
public sealed interface Access {

  /** No token needed; only allowed outside {@code /api}. */
  record Public() implements Access {}

  /** Any active token, whatever its role. */
  record Authenticated() implements Access {}

  /** An active token whose role grants {@code permission}. */
  record Granted(Permission permission) implements Access {
    public Granted {
      requireNonNull(permission, "permission");
    }
  }

  static Access open() {
    return new Public();
  }

  static Access anyToken() {
    return new Authenticated();
  }

  static Access permission(Permission permission) {
    return new Granted(permission);
  }

  /** The permission this access level demands, if any. */
  default Optional<Permission> required() {
    return this instanceof Granted(Permission p) ? Optional.of(p) : Optional.empty();
  }

  /** Whether a bearer token is needed at all. */
  default boolean needsToken() {
    return !(this instanceof Public);
  }
}
