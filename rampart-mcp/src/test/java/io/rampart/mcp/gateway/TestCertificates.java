package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

/** Self-signed key stores made with the JDK's keytool (no network, no fixtures to expire). */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  private TestCertificates() {}

  /** A PKCS#12 key store at {@code file} with one EC key whose certificate has CN {@code cn}. */
  static KeyStore generate(Path file, String cn) throws Exception {
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "k", "-keyalg", "EC", "-dname",
        "CN=" + cn, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD)
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  /** {@code der} as a PEM file of {@code kind} ({@code CERTIFICATE}, {@code PRIVATE KEY}). */
  static Path pem(Path file, byte[] der, String kind) throws Exception {
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(file, "-----BEGIN " + kind + "-----\n" + b64.encodeToString(der)
        + "\n-----END " + kind + "-----\n");
    return file;
  }
}
