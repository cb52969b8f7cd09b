package io.rampart.discovery;

import static io.rampart.discovery.TestFiles.scan;
import static io.rampart.discovery.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesTest {
  @TempDir Path dir;

  @Test
  void findsModelServersVectorDbsMcpServersAndTheirExposure() {
    write(dir, "rendered.yaml", """
        # Source: llm/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: ai
        spec:
          template:
            metadata:
              labels: {app: vllm}
            spec:
              containers:
                - name: server
                  image: vllm/vllm-openai:latest
                  args: ["--model", "meta-llama/Llama-3.1-8B", "--trust-remote-code"]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: vllm, namespace: ai}
        spec:
          type: LoadBalancer
          selector: {app: vllm}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: qdrant, namespace: ai}
        spec:
          template:
            metadata: {labels: {app: qdrant}}
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
                - name: qdrant
                  image: qdrant/qdrant:v1.12.1
                  env:
                    - {name: QDRANT__SERVICE__API_KEY, value: "s3cr3t-value"}
                  resources: {limits: {memory: 2Gi}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: qdrant, namespace: ai}
        spec: {selector: {app: qdrant}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: ai}
        spec:
          rules:
            - http:
                paths:
                  - backend: {service: {name: qdrant, port: {number: 6333}}}
        ---
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata: {name: sklearn, namespace: models}
        spec:
          predictor:
            model:
              modelFormat: {name: sklearn}
              storageUri: gs://bucket/model
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: github-mcp, namespace: tools}
        spec:
          template:
            metadata: {labels: {app: mcp}}
            spec:
              containers:
                - {name: mcp, image: ghcr.io/github/github-mcp-server:1.0.0}
        """);
    Inventory inv = scan(dir);
    assertThat(inv.errors()).isEmpty();
    Asset vllm = inv.asset("k8s:ai/Deployment/vllm").orElseThrow();
    assertThat(vllm.kind()).isEqualTo(AssetKind.MODEL_SERVER);
    assertThat(vllm.source().line()).isEqualTo(2);
    assertThat(vllm.properties()).containsEntry("server", "vllm")
        .containsEntry("exposure", "internet").containsEntry("authRequired", false)
        .containsEntry("trustRemoteCode", true).containsEntry("imagePinned", false);
    Asset qdrant = inv.asset("k8s:ai/StatefulSet/qdrant").orElseThrow();
    assertThat(qdrant.kind()).isEqualTo(AssetKind.VECTOR_DATABASE);
    assertThat(qdrant.properties()).containsEntry("exposure", "internet")
        .containsEntry("authRequired", true).containsEntry("plaintextSecrets", 1L)
        .containsEntry("runAsNonRoot", true).containsEntry("resourceLimits", true);
    assertThat(inv.asset("k8s:models/InferenceService/sklearn").orElseThrow().kind())
        .isEqualTo(AssetKind.MODEL_SERVER);
    Asset mcp = inv.asset("k8s:tools/Deployment/github-mcp").orElseThrow();
    assertThat(mcp.kind()).isEqualTo(AssetKind.MCP_SERVER);
    assertThat(mcp.properties()).containsEntry("exposure", "none");
  }

  @Test
  void classifiesCommonModelServerVectorDbAndMcpImages() {
    assertThat(KubernetesReader.classify("ghcr.io/huggingface/text-generation-inference:2.4", ""))
        .contains(AssetKind.MODEL_SERVER);
    assertThat(KubernetesReader.classify("nvcr.io/nvidia/tritonserver:24.10-py3", ""))
        .contains(AssetKind.MODEL_SERVER);
    assertThat(KubernetesReader.classify("rayproject/ray-ml:2.38.0", ""))
        .contains(AssetKind.MODEL_SERVER);
    assertThat(KubernetesReader.classify("milvusdb/milvus:v2.4.15", ""))
        .contains(AssetKind.VECTOR_DATABASE);
    assertThat(KubernetesReader.classify("registry.example/tools:1", "mcp-filesystem"))
        .contains(AssetKind.MCP_SERVER);
    assertThat(KubernetesReader.classify("nginx:1.27", "web")).isEmpty();
  }

  @Test
  void unrenderedHelmAndBrokenYamlAreReportedPerFile() {
    write(dir, "templates/deploy.yaml", "apiVersion: v1\nkind: {{ .Values.kind }}\n");
    write(dir, "broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n");
    write(dir, "ok.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: ollama}
        spec:
          containers: [{name: o, image: "ollama/ollama:0.5.1"}]
        """);
    Inventory inv = scan(dir);
    assertThat(inv.errors()).hasSize(2);
    assertThat(inv.errors()).anyMatch(e -> e.message().contains("helm template"))
        .anyMatch(e -> e.message().startsWith("malformed YAML") && e.where().line() > 0);
    assertThat(inv.asset("k8s:default/Pod/ollama")).isPresent();
  }
}
