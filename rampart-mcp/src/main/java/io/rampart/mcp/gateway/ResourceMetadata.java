package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/**
 * OAuth 2.0 protected-resource metadata (RFC 9728), as the MCP authorization spec asks of a
 * protected MCP server: served at {@code /.well-known/oauth-protected-resource} (and with the
 * endpoint path appended) when {@code mcp-gateway.oidc} is set, naming the OIDC issuer as the
 * authorization server; 401 answers point at it. Tokens are then checked by the gateway's JWT
 * verifier, which requires {@code oidc.audience} in {@code aud}, so a token minted for another
 * resource is refused.
 */
final class ResourceMetadata {
  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  private ResourceMetadata() {}

  /** The metadata document for the endpoint {@code path} names, if it names one. */
  static Optional<Reply> serve(McpGatewayConfig config, Request request, String path) {
    String rest = path.substring(WELL_KNOWN.length());
    if (!rest.isEmpty() && config.serverFor(rest).isEmpty()) {
      return Optional.empty();
    }
    String resource = origin(request) + (rest.isEmpty() ? config.path() : rest);
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put("resource", resource);
    doc.putArray("authorization_servers").add(config.oidc().orElseThrow().issuer());
    doc.putArray("bearer_methods_supported").add("header");
    doc.put("resource_name", "Rampart MCP gateway");
    return Optional.of(Reply.Full.json(200, doc.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The {@code WWW-Authenticate} value of a 401. */
  static String challenge(McpGatewayConfig config, Request request) {
    if (config.oidc().isEmpty()) {
      return "Bearer realm=\"rampart-mcp\"";
    }
    String path = Request.getPathInContext(request);
    return "Bearer realm=\"rampart-mcp\", resource_metadata=\"" + origin(request) + WELL_KNOWN
        + (config.serverFor(path).isPresent() ? path : config.path()) + "\"";
  }

  private static String origin(Request request) {
    HttpURI uri = request.getHttpURI();
    String authority = uri.getAuthority();
    // only characters a host[:port] may hold, so the header cannot be used to inject text
    if (authority == null || !authority.matches("[A-Za-z0-9.\\[\\]:-]{1,300}")) {
      authority = Request.getLocalAddr(request) + ":" + Request.getLocalPort(request);
    }
    return uri.getScheme() + "://" + authority;
  }
}
