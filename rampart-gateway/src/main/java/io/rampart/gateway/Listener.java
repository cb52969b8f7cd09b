package io.rampart.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Builds a listener's connector: HTTP/1.1, plus HTTP/2 (h2c in clear text, h2 via ALPN over
 * TLS) when enabled; TLS from PKCS#12 or PEM files; mutual TLS when a client CA is given. The
 * model gateway and the MCP gateway both listen through it.
 */
public final class Listener {
  private Listener() {}

  static ServerConnector connector(Server server, GatewayConfig config) {
    return connector(server, config.host(), config.port(), config.tls(), config.http2());
  }

  /**
   * A connector on {@code host:port}, with {@code tls} when present and HTTP/2 when asked.
   *
   * @throws GatewayException when the TLS key material cannot be loaded
   */
  public static ServerConnector connector(Server server, String host, int port,
      java.util.Optional<TlsConfig> tls, boolean http2) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    List<ConnectionFactory> factories = new ArrayList<>();
    if (tls.isPresent()) {
      http.addCustomizer(new SecureRequestCustomizer(false));
      SslContextFactory.Server ssl = ssl(tls.get());
      if (http2) {
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        factories.add(new SslConnectionFactory(ssl, alpn.getProtocol()));
        factories.add(alpn);
        factories.add(new HTTP2ServerConnectionFactory(http));
      } else {
        factories.add(new SslConnectionFactory(ssl, "http/1.1"));
      }
      factories.add(new HttpConnectionFactory(http));
    } else {
      factories.add(new HttpConnectionFactory(http));
      if (http2) {
        factories.add(new HTTP2CServerConnectionFactory(http));
      }
    }
    ServerConnector connector =
        new ServerConnector(server, factories.toArray(ConnectionFactory[]::new));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  /**
   * Why {@code tls}'s key material cannot be used (wrong password, not PEM, no key), or empty
   * when it loads; the config binders call this so that such a file fails at load, not at start.
   */
  public static java.util.Optional<String> problem(TlsConfig tls) {
    try {
      ssl(tls);
      return java.util.Optional.empty();
    } catch (GatewayException e) {
      return java.util.Optional.of(e.getMessage().replaceFirst("^tls: ", ""));
    }
  }

  private static SslContextFactory.Server ssl(TlsConfig tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    try {
      if (tls.keystore().isPresent()) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keystore().get())) {
          ks.load(in, tls.keystorePassword().reveal().toCharArray());
        }
        ssl.setKeyStore(ks);
        ssl.setKeyStorePassword(tls.keystorePassword().reveal());
      } else {
        char[] none = new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, none);
        List<Certificate> chain = certificates(tls.certificate().orElseThrow());
        ks.setKeyEntry("gateway", privateKey(tls.privateKey().orElseThrow()), none,
            chain.toArray(Certificate[]::new));
        ssl.setKeyStore(ks);
        ssl.setKeyStorePassword("");
      }
      if (tls.clientCa().isPresent()) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, new char[0]);
        int i = 0;
        for (Certificate c : certificates(tls.clientCa().get())) {
          trust.setCertificateEntry("ca" + i++, c);
        }
        ssl.setTrustStore(trust);
        ssl.setNeedClientAuth(true);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new GatewayException("tls: cannot load key material: " + e.getMessage()
          + " (expected: a PKCS#12 key store with its password, or PEM certificate and PKCS#8 "
          + "key files)", e);
    }
    return ssl;
  }

  private static List<Certificate> certificates(Path pem)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<Certificate> out = new ArrayList<>(
          CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (out.isEmpty()) {
        throw new GeneralSecurityException("no certificates");
      }
      return out;
    }
  }

  private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException("not a PKCS#8 PEM private key");
    }
    byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String alg : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }
}
