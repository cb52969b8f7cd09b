package io.rampart.mcp.gateway;

import static io.rampart.mcp.gateway.McpHarness.answer;
import static io.rampart.mcp.gateway.McpHarness.rpc;
import static io.rampart.mcp.gateway.McpHarness.toolNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.Secret;
import io.rampart.gateway.ApiKeyConfig;
import io.rampart.gateway.TlsConfig;
import io.rampart.mcp.ToolPinStore;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS on the MCP listener, through the model gateway's listener code. */
class McpTlsTest {
  @TempDir
  static Path dir;

  static Path serverP12;
  static KeyStore serverStore;
  static KeyStore clientStore;
  static Path clientCa;

  @BeforeAll
  static void keys() throws Exception {
    serverP12 = dir.resolve("mcp.p12");
    serverStore = TestCertificates.generate(serverP12, "localhost");
    clientStore = TestCertificates.generate(dir.resolve("client.p12"), "svc-client");
    clientCa = TestCertificates.pem(dir.resolve("client-ca.crt"),
        clientStore.getCertificate("k").getEncoded(), "CERTIFICATE");
  }

  static McpHarness harness(UnaryOperator<McpGatewayConfig.Builder> options) throws Exception {
    return new McpHarness(ToolPinStore.inMemory(), McpAuthorizer.fromConfig(), McpHarness.GUARD,
        p -> p, options);
  }

  /** A client trusting the gateway's certificate, presenting {@code clientKey} when given. */
  static HttpClient client(KeyStore clientKey) throws Exception {
    SslContextFactory.Client ssl = new SslContextFactory.Client();
    ssl.setTrustStore(serverStore);
    if (clientKey != null) {
      ssl.setKeyStore(clientKey);
      ssl.setKeyStorePassword(TestCertificates.PASSWORD);
    }
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(ssl);
    HttpClient c = new HttpClient(new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(
        connector));
    c.start();
    return c;
  }

  static ContentResponse post(HttpClient c, URI url, String key, String json) throws Exception {
    var r = c.newRequest(url).method(HttpMethod.POST).timeout(10, TimeUnit.SECONDS)
        .headers(h -> h.put("Accept", "application/json, text/event-stream"))
        .body(new StringRequestContent("application/json", json));
    if (key != null) {
      r.headers(h -> h.put("Authorization", "Bearer " + key));
    }
    return r.send();
  }

  @Test
  void aClientOverTlsListsTools() throws Exception {
    try (McpHarness h = harness(b -> b.tls(TlsConfig.pkcs12(serverP12,
        Secret.of(TestCertificates.PASSWORD))))) {
      HttpClient c = client(null);
      try {
        ContentResponse r = post(c, h.url(), McpHarness.BOB, rpc(1, "tools/list", "{}"));

        assertThat(h.url().getScheme()).isEqualTo("https");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(toolNames(answer(r, 1))).containsExactly("echo", "get-sum");
      } finally {
        c.stop();
      }
    }
  }

  @Test
  void pemFilesWorkToo() throws Exception {
    Path cert = TestCertificates.pem(dir.resolve("mcp.crt"),
        serverStore.getCertificate("k").getEncoded(), "CERTIFICATE");
    Path key = TestCertificates.pem(dir.resolve("mcp.key"),
        serverStore.getKey("k", TestCertificates.PASSWORD.toCharArray()).getEncoded(),
        "PRIVATE KEY");
    try (McpHarness h = harness(b -> b.tls(TlsConfig.pem(cert, key)))) {
      HttpClient c = client(null);
      try {
        assertThat(post(c, h.url(), McpHarness.ALICE, rpc(1, "ping", "")).getStatus())
            .isEqualTo(200);
      } finally {
        c.stop();
      }
    }
  }

  @Test
  void plainHttpToTheTlsPortFailsAndReachesNoServer() throws Exception {
    try (McpHarness h = harness(b -> b.tls(TlsConfig.pkcs12(serverP12,
        Secret.of(TestCertificates.PASSWORD))))) {
      URI plain = URI.create("http://127.0.0.1:" + h.gateway.port() + "/mcp");

      assertThatThrownBy(() -> post(h.client, plain, McpHarness.ALICE, rpc(1, "tools/list", "{}")))
          .isInstanceOfAny(ExecutionException.class, java.io.IOException.class);
      assertThat(h.upstream.received).isEmpty();
    }
  }

  @Test
  void underMutualTlsAClientCertificateNamesTheCallerWithoutAKey() throws Exception {
    try (McpHarness h = harness(b -> b.tls(TlsConfig.pkcs12(serverP12,
            Secret.of(TestCertificates.PASSWORD)).withClientCa(clientCa))
        .apiKey(ApiKeyConfig.builder("bob").clientCertificate("svc-client").build()))) {
      HttpClient withCert = client(clientStore);
      HttpClient without = client(null);
      try {
        ContentResponse r = post(withCert, h.url(), null, rpc(1, "tools/list", "{}"));
        ContentResponse alice = post(withCert, h.url(), McpHarness.ALICE,
            rpc(2, "tools/list", "{}"));

        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(toolNames(answer(r, 1))).containsExactly("echo", "get-sum");
        // a key, when sent, wins over the certificate
        assertThat(toolNames(answer(alice, 2))).hasSize(4);
        assertThat(h.events.await("mcp.request", 2).getFirst().principal()).isEqualTo("bob");
        assertThatThrownBy(() -> post(without, h.url(), McpHarness.ALICE,
            rpc(3, "tools/list", "{}"))).isInstanceOfAny(ExecutionException.class,
            java.io.IOException.class);
      } finally {
        withCert.stop();
        without.stop();
      }
    }
  }

  @Test
  void aCertificateNamingNoPrincipalOrARevokedOneIsRefusedWith401() throws Exception {
    try (McpHarness h = harness(b -> b.tls(TlsConfig.pkcs12(serverP12,
            Secret.of(TestCertificates.PASSWORD)).withClientCa(clientCa))
        .apiKey(ApiKeyConfig.builder("svc").clientCertificate("svc-client").revoked(true)
            .build()))) {
      HttpClient withCert = client(clientStore);
      try {
        ContentResponse r = post(withCert, h.url(), null, rpc(1, "tools/list", "{}"));

        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(h.upstream.received).isEmpty();
      } finally {
        withCert.stop();
      }
    }
  }
}
