package io.rampart.server;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.ApiToken;
import io.rampart.core.auth.ApiTokenStore;
import io.rampart.core.auth.Permission;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code Authorization: Bearer} headers against the token store. Fails closed: a store
 * that throws denies the request with 503, and a token the store calls valid is still refused
 * when it is expired or revoked by this server's clock. The presented token is never logged.
 */
final class BearerAuth {
  private static final Logger LOG = LoggerFactory.getLogger(BearerAuth.class);
  // longer values cannot be Rampart tokens; refusing them early keeps junk away from the store
  private static final int MAX_TOKEN_LENGTH = 512;
  private static final String PREFIX = "bearer ";

  private final ApiTokenStore tokens;
  private final Clock clock;

  BearerAuth(ApiTokenStore tokens, Clock clock) {
    this.tokens = requireNonNull(tokens, "tokens");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The caller proven by the request's headers; throws 401 or 503 otherwise. */
  ApiToken authenticate(List<String> authorizationHeaders) {
    if (authorizationHeaders.isEmpty()) {
      throw unauthorized("authorization: missing (expected: Bearer <token>)", false);
    }
    if (authorizationHeaders.size() > 1) {
      throw unauthorized("authorization: sent more than once (expected: one header)", true);
    }
    String header = authorizationHeaders.getFirst();
    if (!header.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      throw unauthorized("authorization: unsupported scheme (expected: Bearer <token>)", true);
    }
    String bearer = header.substring(PREFIX.length()).strip();
    if (bearer.isEmpty() || bearer.length() > MAX_TOKEN_LENGTH) {
      throw unauthorized("token: malformed (expected: a Rampart API token)", true);
    }
    Optional<ApiToken> verified;
    try {
      verified = tokens.verify(bearer);
    } catch (RuntimeException e) {
      LOG.warn("token store failed, request denied: {}: {}",
          e.getClass().getName(), scrub(e.getMessage(), bearer));
      throw ApiException.unavailable("auth: token store unavailable (expected: retry later)");
    }
    if (verified.isEmpty() || !verified.get().activeAt(clock.instant())) {
      throw unauthorized(
          "token: invalid, expired or revoked (expected: an active API token)", true);
    }
    return verified.get();
  }

  /** Throws 403 unless {@code caller}'s role grants what {@code access} requires. */
  static void authorize(ApiToken caller, Access access) {
    Optional<Permission> needed = access.required();
    if (needed.isPresent() && !caller.role().allows(needed.get())) {
      String permission = needed.get().name().toLowerCase(Locale.ROOT);
      throw new ApiException(
          ApiException.Kind.FORBIDDEN,
          "permission: " + permission + " (expected: a role that grants it; "
              + caller.role().id() + " does not)");
    }
  }

  private static ApiException unauthorized(String message, boolean invalidToken) {
    // RFC 6750: name the error only when a token was presented
    String challenge = invalidToken
        ? "Bearer realm=\"rampart\", error=\"invalid_token\""
        : "Bearer realm=\"rampart\"";
    return new ApiException(
        ApiException.Kind.UNAUTHORIZED, message, Map.of("WWW-Authenticate", challenge));
  }

  private static String scrub(@Nullable String message, String bearer) {
    return message == null ? "" : message.replace(bearer, "<redacted>");
  }
}
