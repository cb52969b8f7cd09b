package io.rampart.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.gateway.OidcConfig;
import io.rampart.mcp.ToolPinStore;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.Test;

class McpResourceMetadataTest {
  static final String ISSUER = "https://login.example.com/tenant";

  @Test
  void withOidcTheGatewayServesProtectedResourceMetadataAndPointsAt401s() throws Exception {
    try (McpHarness h = new McpHarness(ToolPinStore.inMemory(), McpAuthorizer.fromConfig(),
        McpHarness.GUARD, p -> p, g -> g.oidc(OidcConfig.of(ISSUER, "http://127.0.0.1/mcp",
            URI.create("http://127.0.0.1:9/jwks"))))) {
      String base = "http://127.0.0.1:" + h.gateway.port();
      ContentResponse meta = h.client.GET(base + "/.well-known/oauth-protected-resource/mcp");
      ContentResponse unknown = h.client.GET(base + "/.well-known/oauth-protected-resource/nope");
      ContentResponse anonymous = h.post(null, McpHarness.rpc(1, "ping", ""));
      ContentResponse forgedJwt = h.post("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln",
          McpHarness.rpc(1, "ping", ""));

      assertThat(meta.getStatus()).isEqualTo(200);
      JsonNode doc = FakeMcpUpstream.JSON.readTree(meta.getContentAsString());
      assertThat(doc.path("resource").asText()).isEqualTo(base + "/mcp");
      assertThat(doc.at("/authorization_servers/0").asText()).isEqualTo(ISSUER);
      assertThat(unknown.getStatus()).isEqualTo(404);
      assertThat(anonymous.getStatus()).isEqualTo(401);
      assertThat(anonymous.getHeaders().get("WWW-Authenticate")).contains(
          "resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"");
      assertThat(forgedJwt.getStatus()).isEqualTo(401);
      assertThat(h.upstream.received).isEmpty();
    }
  }

  @Test
  void withoutOidcThereIsNoMetadata() throws Exception {
    try (McpHarness h = new McpHarness()) {
      ContentResponse r = h.send(McpHarness.ALICE, HttpMethod.GET, Map.of());
      ContentResponse meta = h.client.GET("http://127.0.0.1:" + h.gateway.port()
          + "/.well-known/oauth-protected-resource");

      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(meta.getStatus()).isEqualTo(401); // not served: treated like any other path
    }
  }
}
