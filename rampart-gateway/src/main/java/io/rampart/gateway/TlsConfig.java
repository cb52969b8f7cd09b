package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS on the gateway listener ({@code gateway.tls}): a PKCS#12 key store, or a PEM certificate
 * chain with its PKCS#8 PEM private key. With {@code clientCa}, callers must present a client
 * certificate issued by it (mutual TLS); the API key still names the principal.
 *
 * @param keystore PKCS#12 file holding the server key and certificate chain
 * @param keystorePassword its password
 * @param certificate PEM certificate chain, server certificate first
 * @param privateKey PEM PKCS#8 private key ({@code BEGIN PRIVATE KEY}) of that certificate
 * @param clientCa PEM certificates of the CAs that issue client certificates
 */
public record TlsConfig(
    Optional<Path> keystore,
    Secret keystorePassword,
    Optional<Path> certificate,
    Optional<Path> privateKey,
    Optional<Path> clientCa) {

  public TlsConfig {
    requireNonNull(keystore, "keystore");
    requireNonNull(keystorePassword, "keystorePassword");
    requireNonNull(certificate, "certificate");
    requireNonNull(privateKey, "privateKey");
    requireNonNull(clientCa, "clientCa");
    boolean pem = certificate.isPresent() || privateKey.isPresent();
    if (keystore.isPresent() == pem) {
      throw new IllegalArgumentException("tls: " + (pem ? "both" : "neither")
          + " (expected: keystore, or certificate and private-key)");
    }
    if (pem && (certificate.isEmpty() || privateKey.isEmpty())) {
      throw new IllegalArgumentException(
          "tls: half a PEM pair (expected: certificate and private-key together)");
    }
  }

  /** TLS from a PKCS#12 key store. */
  public static TlsConfig pkcs12(Path keystore, Secret password) {
    return new TlsConfig(Optional.of(keystore), password, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** TLS from PEM files. */
  public static TlsConfig pem(Path certificate, Path privateKey) {
    return new TlsConfig(Optional.empty(), Secret.empty(), Optional.of(certificate),
        Optional.of(privateKey), Optional.empty());
  }

  /** This TLS setup, also requiring client certificates issued by {@code clientCa}. */
  public TlsConfig withClientCa(Path clientCa) {
    return new TlsConfig(keystore, keystorePassword, certificate, privateKey,
        Optional.of(clientCa));
  }
}
