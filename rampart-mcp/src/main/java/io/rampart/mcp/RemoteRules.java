package io.rampart.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules on remote servers: {@code mcp.insecure-transport} and {@code mcp.no-auth}. */
final class RemoteRules {
  private static final Pattern AUTH_HEADER =
      Pattern.compile("(?i)authorization|proxy-authorization|cookie|.*api[-_]?key.*|.*token.*|.*auth.*|.*secret.*");
  private static final Pattern AUTH_QUERY = Pattern.compile("(?i)(^|&)[a-z_-]*(key|token|auth|secret)[a-z_-]*=");

  private RemoteRules() {}

  static void check(ConfigReader.Entry e, List<McpFinding> out) {
    if (!(e.server().launch() instanceof McpServer.Remote r)) {
      return;
    }
    String name = e.server().name();
    int line = e.line(e.node().has("url") ? "/url" : "/serverUrl");
    URI uri;
    try {
      uri = new URI(r.url().strip());
    } catch (URISyntaxException ex) {
      return; // a URL with ${...} references cannot be judged
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = loopback(uri.getHost());
    if ((scheme.equals("http") || scheme.equals("ws")) && !loopback) {
      out.add(McpFinding.of(McpRule.INSECURE_TRANSPORT, name, e.server().file(), line,
          "server " + name + ": " + scheme + "://" + uri.getHost() + " is not encrypted"
              + " (expected: https, or a loopback address)"));
    }
    boolean headerAuth = r.headerKeys().stream().anyMatch(k -> AUTH_HEADER.matcher(k).matches());
    boolean queryAuth = uri.getRawQuery() != null && AUTH_QUERY.matcher(uri.getRawQuery()).find();
    boolean userInfo = uri.getRawUserInfo() != null;
    if (!loopback && !headerAuth && !queryAuth && !userInfo) {
      out.add(McpFinding.of(McpRule.NO_AUTH, name, e.server().file(), line,
          "server " + name + ": no authentication header configured for " + uri.getHost()
              + " (expected: an Authorization header from ${env:...}/${input:...}, or OAuth handled by the client)"));
    }
  }

  static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.")
        || h.equals("[::1]") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
  }
}
