package io.rampart.discovery;

import io.rampart.core.storage.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managed identity against a local fake of the instance metadata service, and the Azure CLI
 * against a fake {@code az} script; tokens are cached until a minute before they expire.
 */
class AzureIdentityTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private int status = 200;
  private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metadata/identity/oauth2/token", ex -> {
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawQuery() + " metadata="
          + ex.getRequestHeaders().getFirst("Metadata"));
      // IMDS sends its numbers as strings
      String body = status == 200
          ? "{\"access_token\": \"mi-" + requests.size() + "\", \"expires_in\": \"3600\","
              + " \"expires_on\": \"" + (clock.instant().getEpochSecond() + 3600) + "\","
              + " \"resource\": \"https://management.azure.com/\", \"token_type\": \"Bearer\"}"
          : "{\"error\": \"invalid_request\", \"error_description\": \"Identity not found\"}";
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private TokenSource managed(String clientId) {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/metadata/identity/oauth2/token");
    return TokenSource.managedIdentity(HttpClient.newHttpClient(), endpoint, clientId, clock);
  }

  @Test
  void managedIdentityAsksTheMetadataServiceAndCachesUntilExpiry() {
    TokenSource tokens = managed("");
    assertThat(tokens.token().reveal()).isEqualTo("mi-1");
    clock.advance(Duration.ofMinutes(58));
    assertThat(tokens.token().reveal()).isEqualTo("mi-1");
    clock.advance(Duration.ofMinutes(1)); // within the last minute: refreshed
    assertThat(tokens.token().reveal()).isEqualTo("mi-2");
    assertThat(requests.getFirst()).isEqualTo("GET api-version=2018-02-01&resource="
        + "https%3A%2F%2Fmanagement.azure.com%2F metadata=true");
  }

  @Test
  void aUserAssignedIdentityIsChosenByClientId() {
    managed("0000-client").token();
    assertThat(requests.getFirst()).contains("&client_id=0000-client");
  }

  @Test
  void metadataServiceErrorsAreClearAndNeverCached() {
    status = 400;
    TokenSource tokens = managed("");
    assertThatThrownBy(tokens::token).isInstanceOf(DiscoveryException.class)
        .hasMessage("azure managed identity: HTTP 400 invalid_request (expected: 200 with an"
            + " access_token from the instance metadata service)");
    status = 200;
    assertThat(tokens.token().reveal()).startsWith("mi-");
  }

  @Test
  void anUnreachableMetadataServiceNamesTheEndpoint() {
    URI nowhere = URI.create("http://127.0.0.1:1/metadata/identity/oauth2/token");
    TokenSource tokens = TokenSource.managedIdentity(HttpClient.newHttpClient(), nowhere, "",
        clock);
    assertThatThrownBy(tokens::token).isInstanceOf(DiscoveryException.class)
        .hasMessageContaining("expected: a reachable instance metadata service at " + nowhere);
  }

  private String fakeAz(String script) throws Exception {
    Path az = dir.resolve("az");
    Files.writeString(az, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwx------"));
    return az.toString();
  }

  @Test
  void azureCliTokenIsReadFromGetAccessTokenAndCached() throws Exception {
    Path log = dir.resolve("calls");
    long expires = clock.instant().getEpochSecond() + 1800;
    String az = fakeAz("echo \"$@\" >> " + log + "\n"
        + "echo '{\"accessToken\": \"cli-token\", \"expiresOn\": \"2026-03-01 10:30:00.000000\","
        + " \"expires_on\": " + expires + ", \"tokenType\": \"Bearer\"}'\n");
    TokenSource tokens = TokenSource.azureCli(az, clock);
    assertThat(tokens.token().reveal()).isEqualTo("cli-token");
    clock.advance(Duration.ofMinutes(20));
    tokens.token();
    assertThat(Files.readAllLines(log)).containsExactly(
        "account get-access-token --resource https://management.azure.com/ --output json");
    clock.advance(Duration.ofMinutes(10));
    tokens.token();
    assertThat(Files.readAllLines(log)).hasSize(2);
  }

  @Test
  void azureCliFailuresNeverEchoItsOutput() throws Exception {
    String loggedOut = fakeAz("echo 'ERROR: Please run az login. secret-ish' >&2\nexit 1\n");
    assertThatThrownBy(() -> TokenSource.azureCli(loggedOut, clock).token())
        .isInstanceOf(DiscoveryException.class)
        .hasMessageEndingWith("exited with 1 (expected: a signed-in 'az login' session)")
        .hasMessageNotContaining("secret-ish");
    String garbage = fakeAz("echo 'not json sk-live-123'\n");
    assertThatThrownBy(() -> TokenSource.azureCli(garbage, clock).token())
        .hasMessage("azure cli: output is not JSON (expected: the JSON of az account"
            + " get-access-token)");
    assertThatThrownBy(() -> TokenSource.azureCli(dir.resolve("missing-az").toString(), clock)
        .token()).hasMessageContaining("expected: the Azure CLI on the PATH");
  }
}
