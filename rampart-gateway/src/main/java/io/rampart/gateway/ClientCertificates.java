package io.rampart.gateway;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a client certificate vouches for: its subject's common names, then its DNS, e-mail,
 * URI and IP subject alternative names. Mutual TLS has already verified the chain against
 * {@code tls.client-ca}; {@link Pipeline} and {@link CallerAuth} map one of these names to a
 * configured principal ({@code api-keys[].client-certificate}).
 */
public final class ClientCertificates {
  // GeneralName tags (RFC 5280): rfc822Name, dNSName, uniformResourceIdentifier, iPAddress
  private static final List<Integer> NAME_TYPES = List.of(1, 2, 6, 7);

  private ClientCertificates() {}

  /** The names in {@code leaf}, CN first; unreadable parts are skipped (they match nothing). */
  public static List<String> names(X509Certificate leaf) {
    List<String> names = new ArrayList<>();
    try {
      LdapName dn = new LdapName(leaf.getSubjectX500Principal().getName());
      for (Rdn rdn : dn.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      // no usable subject: the alternative names may still identify the caller
    }
    try {
      Collection<List<?>> alt = leaf.getSubjectAlternativeNames();
      if (alt != null) {
        for (List<?> entry : alt) {
          if (entry.size() >= 2 && entry.get(0) instanceof Integer type
              && NAME_TYPES.contains(type) && entry.get(1) instanceof String name) {
            names.add(name);
          }
        }
      }
    } catch (CertificateParsingException e) {
      // unreadable extension: it names nobody
    }
    return names;
  }
}
