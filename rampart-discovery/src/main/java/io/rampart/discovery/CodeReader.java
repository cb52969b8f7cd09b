package io.rampart.discovery;

import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.EntityTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads source files of code repositories: hard-coded credentials (through the DLP engine) and
 * risky model-loading patterns, plus the Azure OpenAI endpoints they call (for linking).
 */
final class CodeReader {
  static final Set<String> SOURCE_EXTENSIONS = Set.of("py", "js", "mjs", "ts", "tsx", "java",
      "kt", "go", "cs", "rb", "env", "ipynb", "sh", "properties");
  private static final Pattern HF_TOKEN = Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b");
  private static final Pattern AZURE_KEY = Pattern.compile(
      "(?i)(azure_openai_(api_)?key|api[_-]?key|ocp-apim-subscription-key)"
          + "\\s*[=:]\\s*[\"']([0-9a-f]{32})[\"']");
  private static final Pattern ENDPOINT = Pattern.compile(
      "https://([a-z0-9][a-z0-9-]{1,62})\\.(openai\\.azure\\.com|cognitiveservices\\.azure\\.com"
          + "|services\\.ai\\.azure\\.com)");
  private static final Pattern TORCH_LOAD = Pattern.compile("\\btorch\\.load\\s*\\(");
  private static final Pattern PICKLE_LOAD =
      Pattern.compile("\\b(pickle|cPickle|dill|joblib)\\.loads?\\s*\\(");
  private static final Pattern TRUST_REMOTE = Pattern.compile("trust_remote_code\\s*=\\s*True");
  private static final Pattern FROM_PRETRAINED =
      Pattern.compile("\\.from_pretrained\\s*\\(|\\bhf_hub_download\\s*\\("
          + "|\\bsnapshot_download\\s*\\(");
  private static final Pattern REVISION = Pattern.compile("\\brevision\\s*=");

  private CodeReader() {}

  /** Scans one source file; adds a SOURCE_FILE asset only when something was found. */
  static void read(Collector c, DlpEngine dlp, String text, String path, String appId) {
    List<Object> creds = new ArrayList<>();
    List<Object> unsafe = new ArrayList<>();
    List<Object> remote = new ArrayList<>();
    List<Object> unpinned = new ArrayList<>();
    Set<String> hosts = new LinkedHashSet<>();
    int[] lineStarts = lineStarts(text);
    for (var f : dlp.scan(text)) {
      if (EntityTypes.SECRETS.contains(f.type()) && !f.type().equals(EntityTypes.JWT)) {
        creds.add(Map.of("type", f.type(), "line", (long) lineOf(lineStarts, f.start())));
      }
    }
    for (Pattern p : List.of(HF_TOKEN, AZURE_KEY)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        long line = lineOf(lineStarts, m.start());
        if (creds.stream().noneMatch(x -> Values.map(x).get("line").equals(line))) {
          creds.add(Map.of("type", p == HF_TOKEN ? "HUGGINGFACE_TOKEN" : "AZURE_AI_KEY",
              "line", line));
        }
      }
    }
    Matcher em = ENDPOINT.matcher(text.toLowerCase(Locale.ROOT));
    while (em.find()) {
      hosts.add(em.group(1));
    }
    String[] lines = text.split("\n", -1);
    boolean python = path.endsWith(".py") || path.endsWith(".ipynb");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      long n = i + 1;
      if (TORCH_LOAD.matcher(l).find() && !l.contains("weights_only=True")) {
        unsafe.add(Map.of("pattern", "torch.load without weights_only=True", "line", n));
      }
      if (PICKLE_LOAD.matcher(l).find()) {
        unsafe.add(Map.of("pattern", "pickle-based load", "line", n));
      }
      if (TRUST_REMOTE.matcher(l).find()) {
        remote.add(Map.of("pattern", "trust_remote_code=True", "line", n));
      }
      if (python && FROM_PRETRAINED.matcher(l).find() && !REVISION.matcher(l).find()
          && !l.contains("local_files_only=True")) {
        unpinned.add(Map.of("pattern", "model pulled without a pinned revision", "line", n));
      }
    }
    if (creds.isEmpty() && unsafe.isEmpty() && remote.isEmpty() && unpinned.isEmpty()
        && hosts.isEmpty()) {
      return;
    }
    Map<String, Object> p = Collector.props();
    p.put("hardcodedCredentials", creds);
    p.put("unsafeModelLoads", unsafe);
    p.put("trustRemoteCode", remote);
    p.put("unpinnedModelPulls", unpinned);
    p.put("endpointHosts", List.copyOf(hosts));
    int first = java.util.stream.Stream.of(creds, unsafe, remote, unpinned).flatMap(List::stream)
        .mapToInt(x -> ((Long) Values.map(x).get("line")).intValue()).min().orElse(0);
    String id = "code:" + path;
    c.add(id, path.endsWith(".ipynb") ? AssetKind.NOTEBOOK : AssetKind.SOURCE_FILE, "file",
        path, "code", Optional.empty(), Map.of(), p, new SourceRef(path, first));
    c.link(id, RelationType.PART_OF, appId);
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? (name.startsWith(".env") ? "env" : "")
        : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] starts, int offset) {
    int idx = java.util.Arrays.binarySearch(starts, offset);
    return (idx >= 0 ? idx : -idx - 2) + 1;
  }

  /** Model file formats and whether loading them can run code. */
  static Optional<Map<String, Object>> modelFile(String name, long size) {
    String ext = extension(name);
    Boolean codeOnLoad = switch (ext) {
      case "pt", "pth", "pkl", "pickle", "joblib", "ckpt" -> true;
      case "h5", "keras" -> true; // Keras Lambda layers deserialize Python code
      case "safetensors", "onnx", "gguf", "tflite" -> false;
      default -> null;
    };
    if (codeOnLoad == null) {
      return Optional.empty();
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("format", ext);
    p.put("executesCodeOnLoad", codeOnLoad);
    p.put("sizeBytes", size);
    return Optional.of(p);
  }
}
