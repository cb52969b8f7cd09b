package io.rampart.core.auth;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;

/** A newly created token: its metadata and the full bearer value, shown to the caller once. */
public record IssuedToken(ApiToken token, Secret bearer) {
  public IssuedToken {
    requireNonNull(token, "token");
    requireNonNull(bearer, "bearer");
  }
}
