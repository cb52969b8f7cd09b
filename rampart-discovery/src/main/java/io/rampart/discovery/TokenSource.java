package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;

/** Supplies bearer tokens for Azure Resource Manager. */
public interface TokenSource {
  /** A current access token; throws {@link DiscoveryException} when none can be had. */
  Secret token();

  /** A fixed token, e.g. from {@code az account get-access-token} or a managed identity. */
  static TokenSource fixed(Secret token) {
    requireNonNull(token, "token");
    return () -> token;
  }

  /**
   * Microsoft Entra ID client-credentials flow ({@code AZURE_TENANT_ID}, {@code
   * AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}); tokens are cached until shortly before
   * they expire.
   *
   * @param authority e.g. {@code https://login.microsoftonline.com}
   */
  static TokenSource clientSecret(HttpClient http, URI authority, String tenant, String clientId,
      Secret secret, Clock clock) {
    return new ClientSecretTokens(requireNonNull(http, "http"), requireNonNull(authority,
        "authority"), requireNonNull(tenant, "tenant"), requireNonNull(clientId, "clientId"),
        requireNonNull(secret, "secret"), requireNonNull(clock, "clock"));
  }

  /**
   * Workload identity federation ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code
   * AZURE_FEDERATED_TOKEN_FILE}, as the AKS workload-identity webhook sets them): the file's
   * token is exchanged for an Azure Resource Manager token; the file is re-read for every
   * exchange because the platform rotates it.
   */
  static TokenSource workloadIdentity(HttpClient http, URI authority, String tenant,
      String clientId, Path tokenFile, Clock clock) {
    return ClientSecretTokens.federated(requireNonNull(http, "http"),
        requireNonNull(authority, "authority"), requireNonNull(tenant, "tenant"),
        requireNonNull(clientId, "clientId"), requireNonNull(tokenFile, "tokenFile"),
        requireNonNull(clock, "clock"));
  }

  /**
   * A managed identity through the instance metadata service at {@code endpoint} (normally
   * {@link #IMDS}); {@code clientId} picks a user-assigned identity, "" the system-assigned one.
   */
  static TokenSource managedIdentity(HttpClient http, URI endpoint, String clientId,
      Clock clock) {
    return new ManagedIdentityTokens(requireNonNull(http, "http"),
        requireNonNull(endpoint, "endpoint"), requireNonNull(clientId, "clientId"),
        requireNonNull(clock, "clock"));
  }

  /** The instance metadata service's token endpoint. */
  URI IMDS = ManagedIdentityTokens.IMDS;

  /** The Azure CLI's signed-in user ({@code az account get-access-token}); {@code az} is the
   * executable to run. */
  static TokenSource azureCli(String az, Clock clock) {
    return new AzureCliTokens(requireNonNull(az, "az"), requireNonNull(clock, "clock"));
  }
}
