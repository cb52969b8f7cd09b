package io.rampart.core.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Creates, verifies, lists and revokes API tokens. Tokens are stored hashed; verification
 * compares in constant time. Thread-safe.
 */
public interface ApiTokenStore {

  /** Creates a token that never expires. */
  IssuedToken create(String name, Role role);

  /** Creates a token that expires after {@code ttl}. */
  IssuedToken create(String name, Role role, Duration ttl);

  /**
   * Stores a caller-chosen bearer value (from {@code RAMPART_ADMIN_TOKEN}) as an admin token
   * named {@code name}, replacing an earlier one of that name. Returns its metadata.
   */
  ApiToken importToken(String name, Role role, String bearer);

  /** The active token that {@code bearer} proves, if any. Never throws on malformed input. */
  Optional<ApiToken> verify(String bearer);

  /** All tokens, newest first, revoked and expired included. */
  List<ApiToken> list();

  Optional<ApiToken> find(String id);

  /** Revokes a token; returns false when no such token exists. Idempotent. */
  boolean revoke(String id);

  /** Whether any active admin token exists (so first start knows to print one). */
  boolean hasActiveAdmin();
}
