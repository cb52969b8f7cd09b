package io.rampart.mcp.gateway;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds each {@code Mcp-Session-Id} the gateway saw a server issue to the principal it was
 * issued to, so one caller cannot ride another's session by learning its id. Bounded: past the
 * bound new sessions are simply not bound (the server still checks its own ids).
 */
final class SessionOwners {
  private static final int MAX = 100_000;
  private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();

  /** Whether {@code principal} may use {@code session} (unknown sessions are the server's call). */
  boolean mayUse(String session, String principal) {
    String owner = owners.get(session);
    return owner == null || owner.equals(principal);
  }

  void bind(String session, String principal) {
    if (owners.size() < MAX) {
      owners.putIfAbsent(session, principal);
    }
  }

  void forget(String session) {
    owners.remove(session);
  }
}
