package io.rampart.posture;

import io.rampart.core.Secret;
import io.rampart.discovery.TokenSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Azure credentials and endpoints from environment variables (the Azure SDKs' names). */
final class AzureCredentials {
  // one client for the process, built on first use: most scans never talk to Azure
  static final Supplier<HttpClient> HTTP = new Supplier<>() {
    private volatile @org.jspecify.annotations.Nullable HttpClient client;

    @Override
    public HttpClient get() {
      HttpClient c = client;
      if (c == null) {
        c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
        client = c;
      }
      return c;
    }
  };

  private AzureCredentials() {}

  /**
   * In order: {@code AZURE_ACCESS_TOKEN}; {@code RAMPART_AZURE_CREDENTIAL=managed-identity}
   * (instance metadata service, {@code AZURE_CLIENT_ID} for a user-assigned identity, {@code
   * RAMPART_AZURE_IMDS_ENDPOINT} to override the endpoint) or {@code azure-cli} ({@code
   * RAMPART_AZ} names the executable, default {@code az}); then the client-secret variables.
   * Managed identity and the CLI are opt-in: probing them on every machine would hang scans
   * where there is no metadata service. Workload identity ({@code AZURE_FEDERATED_TOKEN_FILE}
   * with tenant and client ID, as AKS sets them) comes before a client secret.
   *
   * @throws PostureException for an unknown {@code RAMPART_AZURE_CREDENTIAL}
   */
  static Optional<TokenSource> fromEnv(Map<String, String> env, Clock clock) {
    String token = env.getOrDefault("AZURE_ACCESS_TOKEN", "");
    if (!token.isBlank()) {
      return Optional.of(TokenSource.fixed(Secret.of(token.strip())));
    }
    String kind = env.getOrDefault("RAMPART_AZURE_CREDENTIAL", "").strip();
    switch (kind) {
      case "" -> { }
      case "managed-identity" -> {
        String endpoint = env.getOrDefault("RAMPART_AZURE_IMDS_ENDPOINT", "");
        return Optional.of(TokenSource.managedIdentity(HTTP.get(),
            endpoint.isBlank() ? TokenSource.IMDS : URI.create(endpoint.strip()),
            env.getOrDefault("AZURE_CLIENT_ID", "").strip(), clock));
      }
      case "azure-cli" -> {
        return Optional.of(TokenSource.azureCli(env.getOrDefault("RAMPART_AZ", "az"), clock));
      }
      default -> throw new PostureException("RAMPART_AZURE_CREDENTIAL: " + kind
          + " (expected: managed-identity or azure-cli)");
    }
    String tenant = env.getOrDefault("AZURE_TENANT_ID", "");
    String client = env.getOrDefault("AZURE_CLIENT_ID", "");
    String secret = env.getOrDefault("AZURE_CLIENT_SECRET", "");
    String federated = env.getOrDefault("AZURE_FEDERATED_TOKEN_FILE", "");
    URI authority = URI.create(env.getOrDefault("AZURE_AUTHORITY_HOST",
        "https://login.microsoftonline.com/"));
    if (!tenant.isBlank() && !client.isBlank() && !federated.isBlank()) {
      return Optional.of(TokenSource.workloadIdentity(HTTP.get(), authority, tenant.strip(),
          client.strip(), java.nio.file.Path.of(federated.strip()), clock));
    }
    if (tenant.isBlank() || client.isBlank() || secret.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(TokenSource.clientSecret(HTTP.get(), authority, tenant, client,
        Secret.of(secret), clock));
  }

  static URI resourceManager(Map<String, String> env) {
    String uri = env.getOrDefault("AZURE_RESOURCE_MANAGER", "https://management.azure.com/");
    return URI.create(uri.endsWith("/") ? uri : uri + "/");
  }
}
