package io.rampart.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Kubernetes manifests and Helm-rendered YAML: model servers, vector databases and MCP
 * servers (by image or custom resource kind), and the Services and Ingresses exposing them.
 */
final class KubernetesReader {
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(api[_-]?key|token|secret|password|passwd).*");
  private static final List<String> WORKLOADS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "Pod", "ReplicaSet", "Job");

  private KubernetesReader() {}

  static boolean detect(String text) {
    return text.contains("apiVersion:") && text.contains("kind:");
  }

  static void read(Collector c, String text, String path) {
    if (text.contains("{{") && text.contains("}}")) {
      c.error(path, 0, "unrendered Helm template (expected: output of 'helm template')");
      return;
    }
    YamlDocs docs = YamlDocs.parse(text);
    for (Object doc : docs.documents) {
      Map<String, Object> d = Values.map(doc);
      String kind = Values.string(d, "kind").orElse("");
      if (kind.equals("List")) {
        Values.list(d.get("items")).forEach(i -> object(c, Values.map(i), path, docs.line(i)));
      } else {
        object(c, d, path, docs.line(doc));
      }
    }
  }

  private static void object(Collector c, Map<String, Object> d, String path, int line) {
    String kind = Values.string(d, "kind").orElse("");
    String name = Values.string(d, "metadata.name").orElse("");
    String ns = Values.string(d, "metadata.namespace").orElse("default");
    if (name.isEmpty()) {
      return;
    }
    String id = "k8s:" + ns + "/" + kind + "/" + name;
    Map<String, String> labels = new LinkedHashMap<>();
    Values.map(Values.at(d, "metadata.labels").orElse(Map.of()))
        .forEach((k, v) -> labels.put(k, String.valueOf(v)));
    SourceRef where = new SourceRef(path, line);
    Map<String, Object> p = Collector.props();
    p.put("namespace", ns);
    switch (kind) {
      case "Service" -> {
        p.put("serviceType", Values.string(d, "spec.type").orElse("ClusterIP"));
        p.put("selector", Values.map(Values.at(d, "spec.selector").orElse(Map.of())));
        c.add(id, AssetKind.K8S_SERVICE, kind, name, "kubernetes", Optional.of(ns), labels, p,
            where);
      }
      case "Ingress" -> {
        List<Object> backends = new ArrayList<>();
        Values.string(d, "spec.defaultBackend.service.name").ifPresent(backends::add);
        boolean tls = !Values.list(Values.at(d, "spec.tls").orElse(List.of())).isEmpty();
        for (Object rule : Values.list(Values.at(d, "spec.rules").orElse(List.of()))) {
          for (Object pth : Values.list(Values.at(rule, "http.paths").orElse(List.of()))) {
            Values.string(pth, "backend.service.name").ifPresent(backends::add);
          }
        }
        p.put("backendServices", backends);
        p.put("tls", tls);
        p.put("authAnnotation", Values.map(Values.at(d, "metadata.annotations").orElse(Map.of()))
            .keySet().stream().anyMatch(k -> k.contains("auth-url") || k.contains("auth-type")
                || k.contains("auth-signin")));
        c.add(id, AssetKind.INGRESS, kind, name, "kubernetes", Optional.of(ns), labels, p, where);
      }
      case "InferenceService" -> {
        p.put("server", "kserve");
        Values.string(d, "spec.predictor.model.storageUri")
            .or(() -> Values.string(d, "spec.predictor.model.modelFormat.name"))
            .ifPresent(m -> p.put("model", m));
        p.put("authRequired", false);
        p.put("exposure", "cluster");
        c.add(id, AssetKind.MODEL_SERVER, kind, name, "kubernetes", Optional.of(ns), labels, p,
            where);
      }
      case "RayService" -> {
        p.put("server", "ray-serve");
        p.put("authRequired", false);
        p.put("exposure", "none");
        p.put("podLabels", Map.of("ray.io/node-type", "head"));
        c.add(id, AssetKind.MODEL_SERVER, kind, name, "kubernetes", Optional.of(ns), labels, p,
            where);
      }
      default -> {
        if (WORKLOADS.contains(kind)) {
          workload(c, d, kind, id, name, ns, labels, p, where);
        }
      }
    }
  }

  private static void workload(Collector c, Map<String, Object> d, String kind, String id,
      String name, String ns, Map<String, String> labels, Map<String, Object> p, SourceRef where) {
    Object pod = kind.equals("Pod") ? d : Values.at(d, "spec.template").orElse(Map.of());
    List<Object> containers = Values.list(Values.at(pod, "spec.containers").orElse(List.of()));
    for (Object ct : containers) {
      String image = Values.string(ct, "image").orElse("");
      Optional<AssetKind> ak = classify(image, Values.string(ct, "name").orElse(""));
      if (ak.isEmpty()) {
        continue;
      }
      String server = server(image);
      List<String> args = new ArrayList<>();
      for (String key : List.of("command", "args")) {
        Values.list(Values.map(ct).get(key)).forEach(a -> args.add(String.valueOf(a)));
      }
      Map<String, String> env = new LinkedHashMap<>();
      int plaintext = 0;
      for (Object e : Values.list(Values.map(ct).get("env"))) {
        String n = Values.string(e, "name").orElse("");
        Optional<String> v = Values.string(e, "value");
        v.ifPresent(x -> env.put(n, x));
        if (v.isPresent() && !v.get().isBlank() && SECRET_NAME.matcher(n).matches()) {
          plaintext++;
        }
      }
      String joined = String.join(" ", args);
      p.put("server", server);
      p.put("image", image);
      p.put("imagePinned", image.contains("@sha256:") || image.contains(":")
          && !image.endsWith(":latest") && image.lastIndexOf(':') > image.lastIndexOf('/'));
      p.put("authRequired", authRequired(server, joined, env));
      p.put("trustRemoteCode", joined.contains("--trust-remote-code"));
      p.put("plaintextSecrets", (long) plaintext);
      p.put("runAsNonRoot", Values.bool(pod, "spec.securityContext.runAsNonRoot")
          .or(() -> Values.bool(ct, "securityContext.runAsNonRoot")).orElse(false));
      p.put("privileged", Values.bool(ct, "securityContext.privileged").orElse(false));
      p.put("resourceLimits", Values.at(ct, "resources.limits").isPresent());
      p.put("exposure", "none");
      Map<String, Object> podLabels = Values.map(Values.at(pod, "metadata.labels")
          .orElse(Map.of()));
      p.put("podLabels", podLabels);
      c.add(id, ak.get(), kind, name, "kubernetes", Optional.of(ns), labels, p, where);
      return; // one AI asset per workload: the first AI container decides what it is
    }
  }

  static Optional<AssetKind> classify(String image, String containerName) {
    String i = image.toLowerCase(Locale.ROOT);
    if (i.contains("vllm") || i.contains("ollama") || i.contains("text-generation-inference")
        || i.contains("tritonserver") || i.contains("rayproject/ray") || i.contains("llama.cpp")
        || i.contains("localai") || i.contains("kserve")) {
      return Optional.of(AssetKind.MODEL_SERVER);
    }
    if (i.contains("qdrant") || i.contains("weaviate") || i.contains("milvus")
        || i.contains("chroma") || i.contains("pgvector")) {
      return Optional.of(AssetKind.VECTOR_DATABASE);
    }
    if (i.contains("mcp") || containerName.toLowerCase(Locale.ROOT).contains("mcp")) {
      return Optional.of(AssetKind.MCP_SERVER);
    }
    return Optional.empty();
  }

  private static String server(String image) {
    String i = image.toLowerCase(Locale.ROOT);
    for (String s : List.of("vllm", "ollama", "tritonserver", "qdrant", "weaviate", "milvus",
        "chroma", "pgvector", "llama.cpp", "localai")) {
      if (i.contains(s)) {
        return s.equals("tritonserver") ? "triton" : s;
      }
    }
    if (i.contains("text-generation-inference")) {
      return "tgi";
    }
    if (i.contains("rayproject/ray")) {
      return "ray-serve";
    }
    return i.contains("mcp") ? "mcp" : "other";
  }

  private static boolean authRequired(String server, String args, Map<String, String> env) {
    return switch (server) {
      case "vllm" -> args.contains("--api-key") || env.containsKey("VLLM_API_KEY");
      case "qdrant" -> env.containsKey("QDRANT__SERVICE__API_KEY");
      case "weaviate" -> "false".equalsIgnoreCase(
          env.getOrDefault("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED", "true"));
      case "tgi" -> env.containsKey("API_KEY");
      default -> false; // Ollama, Triton, Chroma and most MCP servers have no built-in auth
    };
  }
}
