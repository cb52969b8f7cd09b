package io.rampart.core.auth;

import io.rampart.core.event.EventDraft;

/**
 * The audit events for token management, the same whichever way a token was made (API, CLI,
 * first start): {@code token.created} and {@code token.revoked}, with the token as the asset and
 * never its bearer value.
 */
public final class TokenEvents {
  private TokenEvents() {}

  /** A {@code token.created} event for {@code token}, made by {@code principal}. */
  public static EventDraft.Builder created(String principal, ApiToken token) {
    return EventDraft.builder("token.created")
        .principal(principal)
        .asset("token:" + token.id())
        .attribute("token_id", token.id())
        .attribute("token_name", token.name())
        .attribute("role", token.role().id());
  }

  /** A {@code token.revoked} event for {@code token}, revoked by {@code principal}. */
  public static EventDraft.Builder revoked(String principal, ApiToken token) {
    return EventDraft.builder("token.revoked")
        .principal(principal)
        .asset("token:" + token.id())
        .attribute("token_id", token.id())
        .attribute("token_name", token.name());
  }
}
