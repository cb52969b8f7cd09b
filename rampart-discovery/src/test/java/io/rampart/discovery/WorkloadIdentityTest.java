package io.rampart.discovery;

import io.rampart.core.storage.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload identity federation against a local fake of the Entra ID token endpoint: the
 * federated token file is the client assertion, re-read on every exchange (AKS rotates it).
 */
class WorkloadIdentityTest {
  private HttpServer server;
  private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final TestClock clock =
      TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      paths.add(ex.getRequestURI().getPath());
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
          .split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      forms.add(form);
      byte[] b = ("{\"access_token\": \"arm-" + forms.size() + "\", \"expires_in\": 3600}")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private TokenSource tokens(Path file) {
    URI authority = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return TokenSource.workloadIdentity(HttpClient.newHttpClient(), authority, "tenant-1",
        "client-1", file, clock);
  }

  @Test
  void theFederatedTokenIsTheClientAssertionAndIsReReadAfterRotation() throws Exception {
    Path file = dir.resolve("azure-identity-token");
    Files.writeString(file, "federated-one\n");
    TokenSource tokens = tokens(file);

    assertThat(tokens.token().reveal()).isEqualTo("arm-1");
    assertThat(paths.getFirst()).isEqualTo("/tenant-1/oauth2/v2.0/token");
    assertThat(forms.getFirst()).containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "client-1")
        .containsEntry("client_assertion_type",
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .containsEntry("client_assertion", "federated-one")
        .containsEntry("scope", "https://management.azure.com/.default")
        .doesNotContainKey("client_secret");

    Files.writeString(file, "federated-two");
    assertThat(tokens.token().reveal()).as("cached until shortly before expiry")
        .isEqualTo("arm-1");
    clock.advance(Duration.ofMinutes(59));
    assertThat(tokens.token().reveal()).isEqualTo("arm-2");
    assertThat(forms.get(1)).containsEntry("client_assertion", "federated-two");
  }

  @Test
  void aMissingOrEmptyTokenFileIsAClearErrorAndNothingIsSent() throws Exception {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> tokens(missing).token()).isInstanceOf(DiscoveryException.class)
        .hasMessage("AZURE_FEDERATED_TOKEN_FILE: " + missing
            + ": NoSuchFileException (expected: a readable federated token file)");
    Path empty = Files.writeString(dir.resolve("empty"), "  \n");
    assertThatThrownBy(() -> tokens(empty).token())
        .hasMessage("AZURE_FEDERATED_TOKEN_FILE: " + empty + ": empty (expected: a federated"
            + " token)");
    assertThat(forms).isEmpty();
  }
}
