package io.rampart.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.core.catalog.CatalogEntry;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.event.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Renders a {@link ScanReport} as text, JSON or SARIF 2.1.0. Holds no secret values to leak. */
final class ReportWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String TOOL = "rampart-mcp-scan";
  static final String INFO_URI = "https://github.com/rampart-ai/rampart";

  private final Path baseDir;
  private final java.time.Clock clock;

  ReportWriter(Path baseDir, java.time.Clock clock) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.clock = clock;
  }

  void write(ScanReport report, ReportFormat format, PrintStream out) {
    switch (format) {
      case TEXT -> text(report, out);
      case JSON -> out.println(json(MAPPER.valueToTree(jsonTree(report))));
      case SARIF -> out.println(json(sarif(report)));
    }
    out.flush();
  }

  private void text(ScanReport r, PrintStream out) {
    out.printf("Scanned %d file(s): %d server(s), %d finding(s).%n", r.files().size(), r.servers().size(), r.findings().size());
    if (!r.servers().isEmpty()) {
      out.println();
      out.println("Servers:");
      for (McpServer s : r.servers()) {
        out.printf("  %s (%s) %s:%d%n", s.name(), s.client().id(), display(s.file()), s.line());
        out.println("    " + launchText(s.launch()));
      }
    }
    if (!r.findings().isEmpty()) {
      out.println();
      out.println("Findings:");
      for (McpFinding f : r.findings()) {
        out.printf("  %-8s %s %s:%d%n", f.severity().id().toUpperCase(java.util.Locale.ROOT), f.rule().id(), display(f.file()), f.line());
        out.println("    " + f.message());
        out.println("    refs: " + String.join(", ", f.catalogIds()));
      }
    }
  }

  private static String launchText(McpServer.Launch launch) {
    return switch (launch) {
      case McpServer.Stdio s -> "stdio: " + s.command() + (s.args().isEmpty() ? "" : " " + String.join(" ", s.args()))
          + (s.envKeys().isEmpty() ? "" : "  env: " + String.join(", ", s.envKeys()));
      case McpServer.Remote r -> r.transport() + ": " + r.url()
          + (r.headerKeys().isEmpty() ? "" : "  headers: " + String.join(", ", r.headerKeys()));
      case McpServer.Unknown u -> "unknown launch" + u.type().map(t -> " (type " + t + ")").orElse("");
    };
  }

  private ObjectNode jsonTree(ScanReport r) {
    ObjectNode root = MAPPER.createObjectNode().put("scannedAt", clock.instant().toString());
    ArrayNode files = root.putArray("files");
    r.files().forEach(f -> files.add(display(f)));
    ArrayNode servers = root.putArray("servers");
    for (McpServer s : r.servers()) {
      ObjectNode o = servers.addObject().put("name", s.name()).put("client", s.client().id())
          .put("file", display(s.file())).put("line", s.line());
      switch (s.launch()) {
        case McpServer.Stdio st -> {
          o.put("transport", "stdio").put("command", st.command());
          st.args().forEach(o.putArray("args")::add);
          st.envKeys().forEach(o.putArray("envKeys")::add);
        }
        case McpServer.Remote re -> {
          o.put("transport", re.transport()).put("url", re.url());
          re.headerKeys().forEach(o.putArray("headerKeys")::add);
        }
        case McpServer.Unknown u -> o.put("transport", "unknown");
      }
    }
    ArrayNode findings = root.putArray("findings");
    for (McpFinding f : r.findings()) {
      ObjectNode o = findings.addObject().put("rule", f.rule().id()).put("severity", f.severity().id())
          .put("server", f.server()).put("file", display(f.file())).put("line", f.line()).put("message", f.message());
      f.catalogIds().forEach(o.putArray("catalog")::add);
    }
    r.problems().forEach(root.putArray("problems")::add);
    return root;
  }

  private ObjectNode sarif(ScanReport r) {
    ObjectNode root = MAPPER.createObjectNode()
        .put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver")
        .put("name", TOOL).put("informationUri", INFO_URI).put("semanticVersion", "0.1.0");
    ArrayNode rules = driver.putArray("rules");
    RiskCatalog catalog = RiskCatalog.builtIn();
    List<McpRule> all = Arrays.asList(McpRule.values());
    for (McpRule rule : all) {
      ObjectNode o = rules.addObject().put("id", rule.id()).put("name", rule.name());
      o.putObject("shortDescription").put("text", rule.title());
      o.putObject("fullDescription").put("text", rule.title() + ". Maps to " + String.join(", ", rule.catalogIds()) + ".");
      o.put("helpUri", catalog.find(rule.catalogIds().getFirst()).map(CatalogEntry::url).orElse(INFO_URI));
      o.putObject("help").put("text", rule.title() + " (" + String.join(", ", rule.catalogIds()) + ")");
      o.putObject("defaultConfiguration").put("level", level(rule.severity()));
      ObjectNode props = o.putObject("properties").put("security-severity", securitySeverity(rule.severity()));
      ArrayNode tags = props.putArray("tags").add("security").add("mcp");
      rule.catalogIds().forEach(tags::add);
    }
    run.putArray("invocations").addObject().put("executionSuccessful", r.problems().isEmpty())
        .put("endTimeUtc", clock.instant().toString());
    ArrayNode results = run.putArray("results");
    for (McpFinding f : r.findings()) {
      ObjectNode o = results.addObject().put("ruleId", f.rule().id()).put("ruleIndex", all.indexOf(f.rule()))
          .put("level", level(f.severity()));
      o.putObject("message").put("text", f.message());
      ObjectNode loc = o.putArray("locations").addObject().putObject("physicalLocation");
      loc.putObject("artifactLocation").put("uri", uri(f.file()));
      loc.putObject("region").put("startLine", f.line());
      ObjectNode props = o.putObject("properties").put("severity", f.severity().id()).put("server", f.server());
      f.catalogIds().forEach(props.putArray("catalog")::add);
    }
    return root;
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  private static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  /** Repository-relative (forward slashes) when under the base directory, else a file URI. */
  String uri(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (abs.startsWith(baseDir)) {
      return baseDir.relativize(abs).toString().replace('\\', '/');
    }
    return abs.toUri().toString();
  }

  private String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
  }

  private static String json(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new McpException("report: not serializable (expected: JSON)", e);
    }
  }
}
