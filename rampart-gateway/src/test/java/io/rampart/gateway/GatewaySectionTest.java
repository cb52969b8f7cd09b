package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.TestConfigNodes;
import io.rampart.dlp.EntityTypes;
import io.rampart.dlp.RedactionAction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySectionTest {
  private static final Map<String, String> ENV = Map.of(
      "UPSTREAM_URL", "http://127.0.0.1:9999/v1",
      "RAMPART_GATEWAY_PORT", "0",
      "RAMPART_DEMO_KEY", "demo-key-123",
      "RAMPART_LIMITED_KEY", "limited-key-456");

  static GatewayConfig parse(String yaml, Map<String, String> env) {
    return TestConfigNodes.read(yaml, "gateway", env, new GatewaySection()::read);
  }

  static String example() throws IOException {
    return Files.readString(Path.of("../examples/gateway/rampart.yaml"));
  }

  @Test
  void quickstartExampleBindsWithOnlyTheDocumentedEnvironment() throws IOException {
    GatewayConfig c = parse(example(), ENV);

    assertThat(c.enabled()).isTrue();
    assertThat(c.port()).isZero();
    RouteConfig route = c.routes().getFirst();
    assertThat(route.name()).isEqualTo("openai");
    assertThat(route.pathPrefix()).isEqualTo("/v1");
    assertThat(route.upstreams()).containsExactly(URI.create("http://127.0.0.1:9999/v1"));
    assertThat(route.policy().failOpen()).isFalse();
    assertThat(route.policy().request().actionFor(EntityTypes.OPENAI_API_KEY))
        .isInstanceOf(RedactionAction.Block.class);
    assertThat(route.policy().request().actionFor(EntityTypes.EMAIL_ADDRESS))
        .isInstanceOf(RedactionAction.Replace.class);
    assertThat(route.policy().response().actionFor(EntityTypes.GITHUB_TOKEN))
        .isInstanceOf(RedactionAction.Replace.class);
    assertThat(c.apiKeys()).extracting(ApiKeyConfig::principal).containsExactly("alice", "bob");
    ApiKeyConfig alice = c.apiKeys().get(0);
    ApiKeyConfig bob = c.apiKeys().get(1);
    assertThat(alice.groups()).containsExactly("analysts");
    assertThat(alice.requestsPerMinute()).isZero();
    assertThat(bob.requestsPerMinute()).isEqualTo(5);
    assertThat(alice.sha256()).isEqualTo(ApiKeyConfig.hash("demo-key-123"));
    assertThat(alice.toString()).doesNotContain("demo-key-123");
  }

  @Test
  void aMissingLimitedKeyDisablesBobInsteadOfFailing() throws IOException {
    Map<String, String> env = Map.of("UPSTREAM_URL", "http://u/v1", "RAMPART_DEMO_KEY", "k");
    GatewayConfig c = parse(example(), env);

    ApiKeyConfig bob = c.apiKeys().get(1);
    assertThat(bob.sha256()).isEmpty();
    assertThat(bob.activeAt(java.time.Instant.now())).isFalse();
    assertThat(c.port()).isEqualTo(8788);
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    String yaml = """
        gateway:
          port: 70000
          routes:
            - name: main
              upstreams: [ "ftp://nope" ]
              protocl: openai
              policy:
                request:
                  actions:
                    EMAIL_ADDRESS: shred
          api-keys:
            - principal: carol
              key: k
              expires: someday
        """;
    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:2: gateway.port")
        .hasMessageContaining("rampart.yaml:5:")
        .hasMessageContaining("rampart.yaml:6: gateway.routes[0].protocl: unknown key, did you mean 'protocol'?")
        .hasMessageContaining("rampart.yaml:10:")
        .hasMessageContaining("mask, replace, hash, pseudonymize, block")
        .hasMessageContaining("rampart.yaml:14:");
  }

  @Test
  void aKeyRestrictedToAnUnknownRouteIsRejected() {
    String yaml = """
        gateway:
          routes:
            - name: main
              upstreams: [ "http://u/v1" ]
          api-keys:
            - principal: carol
              key: k
              routes: [other]
        """;
    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gateway.api-keys");
  }

  @Test
  void keysMayBeGivenAsHashesAndPrintedWithoutThem() {
    String hash = ApiKeyConfig.hash("s3cret");
    String yaml = """
        gateway:
          routes:
            - name: main
              upstreams: [ "http://u/v1" ]
              credential: { header: api-key, key: upstream-secret }
              policy:
                max-label: confidential
                fail-open: true
                guard: { prompt-threshold: 0.7 }
          api-keys:
            - principal: carol
              key-sha256: %s
              expires: 2030-01-31
        """.formatted(hash);
    GatewayConfig c = parse(yaml, Map.of());

    assertThat(c.apiKeys().getFirst().sha256()).isEqualTo(hash);
    assertThat(c.apiKeys().getFirst().expires()).hasValue(java.time.Instant.parse(
        "2030-01-31T00:00:00Z"));
    RouteConfig r = c.routes().getFirst();
    assertThat(r.policy().failOpen()).isTrue();
    assertThat(r.policy().guard().promptThreshold()).hasValue(0.7);
    assertThat(r.credential()).isInstanceOf(UpstreamCredential.StaticKey.class);
    String printed = new GatewaySection().write(c).toString();
    assertThat(printed).doesNotContain(hash).doesNotContain("upstream-secret");
  }

  @Test
  void tokenCredentialsOidcAndTlsBind(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path p12 = dir.resolve("gw.p12");
    ListenerTest.generate(p12, "localhost");
    String yaml = """
        gateway:
          detector-timeout: 500ms
          http2: false
          tls: { keystore: "P12", keystore-password: changeit }
          oidc:
            issuer: https://idp.example.test
            audience: rampart
            jwks-url: https://idp.example.test/jwks
            groups-claim: roles
          routes:
            - name: oauth
              path-prefix: /oauth
              upstreams: [ "http://u/v1" ]
              credential: { type: oauth2-client-credentials, token-url: "https://idp/token",
                            client-id: gw, client-secret: s3, scope: "api://m/.default" }
            - name: azure
              path-prefix: /openai
              protocol: azure-openai
              upstreams: [ "https://x.openai.azure.com/openai" ]
              credential: { type: azure-managed-identity }
            - name: federated
              path-prefix: /fed
              upstreams: [ "http://u/v1" ]
              credential: { type: azure-workload-identity, tenant-id: t1, client-id: c1,
                            token-file: /var/run/secrets/azure/tokens/azure-identity-token }
        """.replace("P12", p12.toString());
    GatewayConfig c = parse(yaml, Map.of());

    assertThat(c.detectorTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(c.http2()).isFalse();
    assertThat(c.tls()).hasValueSatisfying(t -> assertThat(t.keystore()).isPresent());
    assertThat(c.oidc()).hasValueSatisfying(o -> assertThat(o.groupsClaim()).isEqualTo("roles"));
    assertThat(c.routes()).extracting(RouteConfig::credential).satisfiesExactly(
        o -> assertThat(o).isInstanceOf(UpstreamCredential.OAuth2ClientCredentials.class),
        m -> assertThat(m).isEqualTo(new UpstreamCredential.AzureManagedIdentity(
            UpstreamCredential.AzureManagedIdentity.IMDS, UpstreamCredential.COGNITIVE_SERVICES,
            java.util.Optional.empty())),
        w -> assertThat(w).isInstanceOf(UpstreamCredential.AzureWorkloadIdentity.class));
    assertThat(new GatewaySection().write(c).toString()).doesNotContain("s3,")
        .doesNotContain("changeit");
  }

  @Test
  void aTokenCredentialWithoutItsKeysIsReported() {
    String yaml = """
        gateway:
          routes:
            - name: oauth
              upstreams: [ "http://u/v1" ]
              credential:
                type: oauth2-client-credentials
                client-id: gw
        """;
    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:5: gateway.routes[0].credential: missing key: "
            + "token-url");
  }

  @Test
  void aCelConditionThatDoesNotCompileIsReportedOnItsLine() {
    String yaml = """
        gateway:
          routes:
            - name: main
              upstreams: [ "http://u/v1" ]
              condition: "request.model.startsWith("
        """;
    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:5: gateway.routes[0].condition: invalid value "
            + "(expected a CEL expression of type bool");
  }

  @Test
  void guardModelAndClientCertificateIdentitiesBind() {
    GatewayConfig c = parse("""
        gateway:
          guard-model: disabled
          api-keys:
            - principal: svc-reporting
              client-certificate: svc-reporting.internal
              groups: [analysts]
        """, Map.of());

    assertThat(c.guardModel()).isFalse();
    assertThat(GatewayConfig.DEFAULT.guardModel()).isTrue();
    ApiKeyConfig svc = c.apiKeys().getFirst();
    assertThat(svc.clientCertificate()).isEqualTo("svc-reporting.internal");
    assertThat(svc.sha256()).isEmpty();
    assertThat(svc.activeAt(java.time.Instant.EPOCH)).as("no key: no key login").isFalse();
    assertThat(svc.certificateActiveAt(java.time.Instant.EPOCH)).isTrue();
  }

  @Test
  void anUnknownGuardModelIsReportedOnItsLine() {
    assertThatThrownBy(() -> parse("""
        gateway:
          guard-model: sometimes
        """, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:2: gateway.guard-model")
        .hasMessageContaining("enabled or disabled");
  }
}
