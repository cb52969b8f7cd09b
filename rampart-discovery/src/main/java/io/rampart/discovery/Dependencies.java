package io.rampart.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds AI SDKs in dependency manifests: pom.xml, Gradle, package.json, Python, go.mod. */
final class Dependencies {
  /** One dependency on an AI SDK. */
  record Sdk(String ecosystem, String name, String version, int line) {}

  private static final List<String> PY = List.of("openai", "anthropic", "langchain",
      "langchain-openai", "langchain-community", "langgraph", "llama-index", "transformers",
      "torch", "tensorflow", "keras", "sentence-transformers", "vllm", "huggingface-hub",
      "azure-ai-inference", "azure-ai-projects", "azure-ai-ml", "azure-search-documents",
      "google-cloud-aiplatform", "google-generativeai", "google-genai", "mcp", "semantic-kernel",
      "ollama", "onnxruntime", "crewai", "autogen-agentchat", "litellm", "chromadb",
      "qdrant-client", "pinecone", "weaviate-client");
  private static final List<String> NPM = List.of("openai", "@anthropic-ai/sdk", "langchain",
      "@langchain/core", "@langchain/openai", "@azure/openai", "ai", "@ai-sdk/openai",
      "@modelcontextprotocol/sdk", "@google/generative-ai", "@google/genai", "ollama",
      "llamaindex", "@pinecone-database/pinecone", "@qdrant/js-client-rest", "chromadb");
  private static final List<String> MAVEN = List.of("langchain4j", "openai-java",
      "azure-ai-openai", "spring-ai", "anthropic-java", "google-cloud-vertexai",
      "azure-ai-inference", "mcp", "semantic-kernel", "onnxruntime", "djl");
  private static final List<String> GO = List.of("github.com/sashabaranov/go-openai",
      "github.com/openai/openai-go", "github.com/anthropics/anthropic-sdk-go",
      "github.com/tmc/langchaingo", "github.com/mark3labs/mcp-go", "google.golang.org/genai",
      "github.com/ollama/ollama", "github.com/modelcontextprotocol/go-sdk");
  private static final Pattern PY_REQ = Pattern.compile(
      "^\\s*\"?([A-Za-z0-9_.\\-]+)(\\[[^]]*])?\\s*([=<>!~]=?\\s*[^;\"#,\\s]+)?");
  private static final Pattern POM_DEP = Pattern.compile(
      "<artifactId>\\s*([^<\\s]+)\\s*</artifactId>(\\s*<version>\\s*([^<\\s]+)\\s*</version>)?");
  private static final Pattern GRADLE =
      Pattern.compile("[\"']([\\w.\\-]+):([\\w.\\-]+)(:([\\w.\\-\\[\\]$]+))?[\"']");

  private Dependencies() {}

  static boolean isManifest(String name) {
    return name.equals("pom.xml") || name.equals("build.gradle") || name.equals("build.gradle.kts")
        || name.equals("package.json") || name.equals("pyproject.toml") || name.equals("go.mod")
        || name.startsWith("requirements") && name.endsWith(".txt");
  }

  static List<Sdk> parse(String name, String text) {
    List<Sdk> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int n = i + 1;
      if (name.startsWith("requirements") || name.equals("pyproject.toml")) {
        String s = l.strip();
        if (s.startsWith("#") || s.startsWith("[") || s.isEmpty()) {
          continue;
        }
        Matcher m = PY_REQ.matcher(s.replaceFirst("^[\\w-]+\\s*=\\s*\\[", ""));
        if (m.find() && PY.contains(m.group(1).toLowerCase(Locale.ROOT).replace('_', '-'))) {
          String spec = Optional.ofNullable(m.group(3)).orElse("").replace(" ", "");
          out.add(new Sdk("pypi", m.group(1).toLowerCase(Locale.ROOT), spec, n));
        }
      } else if (name.equals("go.mod")) {
        for (String mod : GO) {
          if (l.strip().startsWith(mod + " ") || l.contains("require " + mod + " ")) {
            String[] parts = l.strip().replace("require ", "").split("\\s+");
            out.add(new Sdk("go", mod, parts.length > 1 ? parts[1] : "", n));
          }
        }
      } else if (name.equals("pom.xml")) {
        Matcher m = POM_DEP.matcher(l + (i + 1 < lines.length ? lines[i + 1] : ""));
        if (m.find() && l.contains("<artifactId>")
            && MAVEN.stream().anyMatch(x -> m.group(1).startsWith(x))) {
          out.add(new Sdk("maven", m.group(1), Optional.ofNullable(m.group(3)).orElse(""), n));
        }
      } else if (name.startsWith("build.gradle")) {
        Matcher m = GRADLE.matcher(l);
        while (m.find()) {
          String artifact = m.group(2);
          if (MAVEN.stream().anyMatch(artifact::startsWith)) {
            out.add(new Sdk("maven", artifact, Optional.ofNullable(m.group(4)).orElse(""), n));
          }
        }
      }
    }
    if (name.equals("package.json")) {
      JsonTree t = JsonTree.parse(text);
      for (String section : List.of("dependencies", "devDependencies")) {
        Values.map(Values.map(t.root).get(section)).forEach((pkg, v) -> {
          if (NPM.contains(pkg) || pkg.startsWith("@langchain/")) {
            out.add(new Sdk("npm", pkg, String.valueOf(v), lineOf(lines, "\"" + pkg + "\"")));
          }
        });
      }
    }
    return out;
  }

  /** Whether a version spec pins one version (not a range, not latest). */
  static boolean pinned(Sdk s) {
    String v = s.version();
    return switch (s.ecosystem()) {
      case "pypi" -> v.startsWith("==");
      case "npm" -> !v.isEmpty() && Character.isDigit(v.charAt(0));
      // Gradle dynamic versions (1.+, latest.release), Maven ranges and property placeholders
      default -> !v.isEmpty() && !v.contains("+") && !v.contains("[") && !v.contains("(")
          && !v.contains("$") && !v.toLowerCase(Locale.ROOT).startsWith("latest");
    };
  }

  static Map<String, Object> properties(Sdk s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ecosystem", s.ecosystem());
    p.put("package", s.name());
    p.put("version", s.version());
    p.put("pinned", pinned(s));
    return p;
  }

  private static int lineOf(String[] lines, String needle) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    return 0;
  }
}
