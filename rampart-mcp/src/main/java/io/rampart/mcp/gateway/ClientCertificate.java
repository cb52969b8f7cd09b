package io.rampart.mcp.gateway;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/** The client certificate a request's TLS connection presented (mutual TLS), if any. */
final class ClientCertificate {
  private ClientCertificate() {}

  /** The leaf certificate, already verified against {@code tls.client-ca} by the handshake. */
  static Optional<X509Certificate> of(Request request) {
    if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
        instanceof EndPoint.SslSessionData ssl && ssl.peerCertificates() != null
        && ssl.peerCertificates().length > 0) {
      return Optional.of(ssl.peerCertificates()[0]);
    }
    return Optional.empty();
  }
}
