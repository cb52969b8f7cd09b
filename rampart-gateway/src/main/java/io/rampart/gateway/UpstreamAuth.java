package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpFields;

/**
 * Puts an upstream credential on an outgoing request for other listeners (the MCP gateway):
 * static keys as given, token-based kinds fetched, cached and refreshed as the model gateway
 * does. A failed token fetch throws {@link GatewayException}, so no request leaves without it.
 */
public final class UpstreamAuth {
  private final TokenCache tokens;

  private UpstreamAuth(HttpClient client, Clock clock) {
    this.tokens = new TokenCache(client, clock);
  }

  /** Token requests go through {@code client}, which must be started. */
  public static UpstreamAuth create(HttpClient client, Clock clock) {
    return new UpstreamAuth(requireNonNull(client, "client"), requireNonNull(clock, "clock"));
  }

  /** Sets the credential's header on {@code headers}. */
  public void apply(UpstreamCredential credential, HttpFields.Mutable headers) {
    requireNonNull(credential, "credential");
    requireNonNull(headers, "headers");
    Optional<String> bearer = tokens.bearer(credential);
    bearer.ifPresent(b -> headers.put("Authorization", b));
    if (credential instanceof UpstreamCredential.StaticKey k && !k.key().isEmpty()) {
      boolean auth = k.header().toLowerCase(Locale.ROOT).equals("authorization");
      headers.put(k.header(), auth ? "Bearer " + k.key().reveal() : k.key().reveal());
    }
  }
}
