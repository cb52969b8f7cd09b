package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.Secret;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from PKCS#12 and PEM, HTTP/2 over ALPN and h2c. */
class ListenerTest {
  @TempDir
  static Path dir;

  static Path p12;
  static KeyStore store;
  static Path clientP12;
  static KeyStore clientStore;

  static KeyStore generate(Path file, String cn) throws Exception {
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "gw", "-keyalg", "EC", "-dname",
        "CN=" + cn, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8)).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, "changeit".toCharArray());
    }
    return ks;
  }

  @BeforeAll
  static void keystore() throws Exception {
    p12 = dir.resolve("gw.p12");
    store = generate(p12, "localhost");
    clientP12 = dir.resolve("client.p12");
    clientStore = generate(clientP12, "svc-client");
  }

  static HttpClient client(boolean tls) throws Exception {
    return client(tls, null);
  }

  static HttpClient client(boolean tls, KeyStore clientKey) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2);
    if (tls) {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      javax.net.ssl.KeyManager[] keys = null;
      if (clientKey != null) {
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(clientKey, "changeit".toCharArray());
        keys = kmf.getKeyManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, tmf.getTrustManagers(), null);
      b.sslContext(ctx);
    }
    return b.build();
  }

  static HttpResponse<String> chat(HttpClient client, URI base) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
        .header("Authorization", "Bearer " + Harness.ALICE)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static GatewayServer gateway(FakeUpstream upstream, TlsConfig tls) {
    GatewayConfig.Builder b = GatewayConfig.builder().port(0)
        .route(RouteConfig.builder("openai").upstream(upstream.baseUrl()).build())
        .apiKey(ApiKeyConfig.builder("alice").key(Secret.of(Harness.ALICE))
            .groups(Set.of("analysts")).build());
    if (tls != null) {
      b.tls(tls);
    }
    return GatewayServer.create(b.build(), new GatewayServices(new InMemoryEventLog(),
        Harness.DLP, new StubGuard().engine(), java.time.Clock.systemUTC(), new SplittableRandom(1),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
        .start();
  }

  @Test
  void pkcs12ListenerSpeaksHttp2ThroughAlpn() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = gateway(upstream, TlsConfig.pkcs12(p12, Secret.of("changeit")))) {
      HttpResponse<String> r = chat(client(true), gw.url());

      assertThat(gw.url().getScheme()).isEqualTo("https");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }
  }

  @Test
  void pemCertificateAndKeyWork() throws Exception {
    Path cert = pem("gw.crt", store.getCertificate("gw").getEncoded(), "CERTIFICATE");
    Path key = pem("gw.key", store.getKey("gw", "changeit".toCharArray()).getEncoded(),
        "PRIVATE KEY");
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = gateway(upstream, TlsConfig.pem(cert, key))) {
      assertThat(chat(client(true), gw.url()).statusCode()).isEqualTo(200);
    }
  }

  static Path pem(String name, byte[] der, String kind) throws Exception {
    Path file = dir.resolve(name);
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(file, "-----BEGIN " + kind + "-----\n" + b64.encodeToString(der)
        + "\n-----END " + kind + "-----\n");
    return file;
  }

  @Test
  void mutualTlsRefusesCallersWithoutAClientCertificate() throws Exception {
    Path ca = pem("client-ca.crt", clientStore.getCertificate("gw").getEncoded(),
        "CERTIFICATE");
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = gateway(upstream,
            TlsConfig.pkcs12(p12, Secret.of("changeit")).withClientCa(ca))) {
      int withCert = chat(client(true, clientStore), gw.url()).statusCode();

      assertThat(withCert).isEqualTo(200);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> chat(client(true), gw.url()))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void plainListenerUpgradesToH2c() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = gateway(upstream, null)) {
      HttpClient c = client(false);
      HttpResponse<String> first = c.send(HttpRequest.newBuilder(gw.url().resolve("/v1/models"))
          .header("Authorization", "Bearer " + Harness.ALICE).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> second = chat(c, gw.url());

      assertThat(List.of(first.statusCode(), second.statusCode())).containsOnly(200);
      assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }
  }

  static HttpResponse<String> chatWithoutKey(HttpClient client, URI base) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A mutual-TLS gateway where {@code identity} maps certificate names to principals. */
  static GatewayServer mtlsGateway(FakeUpstream upstream, InMemoryEventLog events,
      ApiKeyConfig identity) throws Exception {
    Path ca = pem("client-ca.crt", clientStore.getCertificate("gw").getEncoded(), "CERTIFICATE");
    GatewayConfig config = GatewayConfig.builder().port(0)
        .tls(TlsConfig.pkcs12(p12, Secret.of("changeit")).withClientCa(ca))
        .route(RouteConfig.builder("openai").upstream(upstream.baseUrl())
            .allowGroups(Set.of("analysts")).build())
        .apiKey(ApiKeyConfig.builder("alice").key(Secret.of(Harness.ALICE))
            .groups(Set.of("analysts")).build())
        .apiKey(identity)
        .build();
    return GatewayServer.create(config, new GatewayServices(events, Harness.DLP,
        new StubGuard().engine(), java.time.Clock.systemUTC(), new SplittableRandom(1),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).start();
  }

  @Test
  void theClientCertificatesCommonNameIdentifiesACallerWithoutAKey() throws Exception {
    InMemoryEventLog events = new InMemoryEventLog();
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = mtlsGateway(upstream, events, ApiKeyConfig.builder("svc-reporting")
            .clientCertificate("svc-client").groups(Set.of("analysts")).build())) {
      HttpResponse<String> r = chatWithoutKey(client(true, clientStore), gw.url());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(events.await(1).getFirst().principal()).isEqualTo("svc-reporting");
      assertThat(upstream.received).hasSize(1);
    }
  }

  @Test
  void aSubjectAlternativeNameIdentifiesToo() throws Exception {
    InMemoryEventLog events = new InMemoryEventLog();
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = mtlsGateway(upstream, events, ApiKeyConfig.builder("svc-local")
            .clientCertificate("localhost").groups(Set.of("analysts")).build())) {
      assertThat(chatWithoutKey(client(true, clientStore), gw.url()).statusCode()).isEqualTo(200);
      assertThat(events.await(1).getFirst().principal()).isEqualTo("svc-local");
    }
  }

  @Test
  void aCertificateThatNamesNoPrincipalIsRefusedWith401() throws Exception {
    InMemoryEventLog events = new InMemoryEventLog();
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = mtlsGateway(upstream, events, ApiKeyConfig.builder("svc-other")
            .clientCertificate("svc-other").groups(Set.of("analysts")).build())) {
      HttpResponse<String> r = chatWithoutKey(client(true, clientStore), gw.url());

      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("client certificate names no configured principal");
      assertThat(upstream.received).isEmpty();
    }
  }

  @Test
  void aRevokedCertificateIdentityIsRefusedAndAKeyStillNamesThePrincipal() throws Exception {
    InMemoryEventLog events = new InMemoryEventLog();
    try (FakeUpstream upstream = new FakeUpstream();
        GatewayServer gw = mtlsGateway(upstream, events, ApiKeyConfig.builder("svc-reporting")
            .clientCertificate("svc-client").groups(Set.of("analysts")).revoked(true).build())) {
      HttpClient c = client(true, clientStore);
      assertThat(chatWithoutKey(c, gw.url()).statusCode()).isEqualTo(401);
      assertThat(chat(c, gw.url()).statusCode()).isEqualTo(200);
      assertThat(events.await(2).getLast().principal()).isEqualTo("alice");
    }
  }
}
