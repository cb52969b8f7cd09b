package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the gateway authenticates to a route's upstream; callers never hold these credentials.
 * Token-based kinds are fetched on first use, cached, and refreshed before they expire.
 */
public sealed interface UpstreamCredential {
  /** The audience of Azure OpenAI tokens. */
  String COGNITIVE_SERVICES = "https://cognitiveservices.azure.com";

  /** Sends no credential. */
  record None() implements UpstreamCredential {}

  /**
   * A static key sent in {@code header}; for {@code Authorization} it is sent as {@code Bearer
   * key}. An empty key sends nothing.
   */
  record StaticKey(String header, Secret key) implements UpstreamCredential {
    public StaticKey {
      requireNonNull(header, "header");
      requireNonNull(key, "key");
      if (!header.matches("[A-Za-z0-9-]+")) {
        throw new IllegalArgumentException(
            "header: " + header + " (expected: an HTTP header name such as Authorization)");
      }
    }
  }

  /** OAuth2 client credentials grant; the access token is sent as a bearer token. */
  record OAuth2ClientCredentials(URI tokenUrl, String clientId, Secret clientSecret,
      Optional<String> scope) implements UpstreamCredential {
    public OAuth2ClientCredentials {
      requireNonNull(tokenUrl, "tokenUrl");
      requireNonNull(clientId, "clientId");
      requireNonNull(clientSecret, "clientSecret");
      requireNonNull(scope, "scope");
    }
  }

  /**
   * Azure managed identity through the instance metadata service (IMDS), for {@code resource}
   * (default Cognitive Services); {@code clientId} picks a user-assigned identity.
   */
  record AzureManagedIdentity(URI endpoint, String resource, Optional<String> clientId)
      implements UpstreamCredential {
    public static final URI IMDS =
        URI.create("http://169.254.169.254/metadata/identity/oauth2/token");

    public AzureManagedIdentity {
      requireNonNull(endpoint, "endpoint");
      requireNonNull(resource, "resource");
      requireNonNull(clientId, "clientId");
    }
  }

  /**
   * Azure workload identity federation: the federated token in {@code tokenFile} (re-read on
   * each refresh, as Kubernetes rotates it) is exchanged at {@code authorityHost} for an access
   * token for {@code scope} (default Cognitive Services).
   */
  record AzureWorkloadIdentity(URI authorityHost, String tenantId, String clientId,
      Path tokenFile, String scope) implements UpstreamCredential {
    public static final URI AUTHORITY = URI.create("https://login.microsoftonline.com/");

    public AzureWorkloadIdentity {
      requireNonNull(authorityHost, "authorityHost");
      requireNonNull(tenantId, "tenantId");
      requireNonNull(clientId, "clientId");
      requireNonNull(tokenFile, "tokenFile");
      requireNonNull(scope, "scope");
      if (!tenantId.matches("[A-Za-z0-9.-]+")) {
        throw new IllegalArgumentException("tenant-id: " + tenantId + " (expected: a tenant id)");
      }
    }
  }
}
