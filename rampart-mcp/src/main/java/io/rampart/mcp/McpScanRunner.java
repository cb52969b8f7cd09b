package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rampart.dlp.DlpEngine;
import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Span;
import io.rampart.guard.Verdict;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rampart mcp scan [PATH...] [--format text|json|sarif] [--fail-on low|medium|high|critical]
 * [--connect [--connect-timeout 10s]]}, without picocli so any front end can call it.
 *
 * <ul>
 *   <li>{@code PATH}: a configuration file, or a directory whose {@link
 *       McpConfigLocations#IN_DIRECTORY} files are read. Without PATH: the per-user files of
 *       Claude Desktop, Claude Code, VS Code, Cursor and Windsurf ({@link
 *       McpConfigLocations#userDefaults}) that exist.
 *   <li>Exit codes: 0 no finding at or above {@code failOn}; 1 such a finding, or a file that
 *       could not be read or parsed; 2 usage error (a PATH that does not exist).
 *   <li>The report goes to {@code out}; problems (unreadable files, connect notes) go to
 *       {@code err} as {@code rampart mcp scan: ...} lines.
 * </ul>
 */
public final class McpScanRunner {
  private McpScanRunner() {}

  /** Runs one scan; never throws on bad input, it reports and returns an exit code. */
  public static int run(List<Path> paths, McpScanOptions options, PrintStream out, PrintStream err) {
    requireNonNull(paths, "paths");
    requireNonNull(options, "options");
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    List<Path> files = new ArrayList<>();
    if (paths.isEmpty()) {
      McpConfigLocations.userDefaults(options.home(), options.osName(), options.env()).stream()
          .filter(Files::isRegularFile)
          .forEach(files::add);
      if (files.isEmpty()) {
        err.println("rampart mcp scan: no MCP client configuration found under " + options.home());
      }
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("rampart mcp scan: path: " + p + " (expected: an existing file or directory)");
        return 2;
      }
      List<Path> found = McpConfigLocations.expand(p);
      if (found.isEmpty()) {
        err.println("rampart mcp scan: " + p + ": no MCP configuration files (looked for "
            + String.join(", ", McpConfigLocations.IN_DIRECTORY) + ")");
      }
      found.stream().filter(f -> !files.contains(f)).forEach(files::add);
    }
    McpScanner scanner = McpScanner.create(DlpEngine.create(), options.home());
    ScanReport report;
    try {
      report = scanner.scan(files);
      if (options.connect()) {
        report = report.withFindings(connect(scanner, report, options, err));
      }
    } catch (RuntimeException e) {
      // A bug must still end in a clear line and an exit code, not a stack trace on a terminal.
      err.println("rampart mcp scan: failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
    report.problems().forEach(p -> err.println("rampart mcp scan: " + p));
    new ReportWriter(options.baseDir(), options.clock()).write(report, options.format(), out);
    boolean failing = report.findings().stream().anyMatch(f -> f.severity().compareTo(options.failOn()) >= 0);
    return failing || !report.problems().isEmpty() ? 1 : 0;
  }

  private static List<McpFinding> connect(McpScanner scanner, ScanReport report, McpScanOptions options, PrintStream err) {
    GuardEngine guard = options.guard().orElseGet(() -> GuardEngine.create(GuardConfig.defaults()));
    StdioProbe probe = new StdioProbe(options.env(), options.connectTimeout());
    List<McpFinding> out = new ArrayList<>();
    for (Path file : report.files()) {
      for (ConfigReader.Entry e : scanner.entries(file)) {
        if (!(e.server().launch() instanceof McpServer.Stdio)) {
          continue;
        }
        String name = e.server().name();
        try {
          ArrayNode tools = probe.listTools(commandOf(e), envOf(e));
          err.println("rampart mcp scan: " + name + ": " + tools.size() + " tool(s) listed");
          judge(e, tools, guard).ifPresent(out::add);
        } catch (RuntimeException ex) {
          out.add(McpFinding.of(McpRule.CONNECT_FAILED, name, e.server().file(), e.server().line(),
              "server " + name + ": " + ex.getMessage()));
        }
      }
    }
    return out;
  }

  static java.util.Optional<McpFinding> judge(ConfigReader.Entry e, ArrayNode tools, GuardEngine guard) {
    Verdict v = guard.inspectTools(JsonNodeFactory.instance.objectNode().set("tools", tools));
    if (!v.blocked()) {
      return java.util.Optional.empty();
    }
    String name = e.server().name();
    List<String> where = v.spans().stream().map(s -> toolName(tools, s) + " (" + s.rule() + ")").distinct().limit(5).toList();
    LinkedHashSet<String> ids = new LinkedHashSet<>(McpRule.TOOL_POISONING.catalogIds());
    ids.addAll(v.catalogIds());
    return java.util.Optional.of(new McpFinding(McpRule.TOOL_POISONING, McpRule.TOOL_POISONING.severity(), name,
        e.server().file(), e.server().line(),
        "server " + name + ": tool definitions look poisoned (score " + Math.round(v.score() * 100) / 100.0 + ")"
            + (where.isEmpty() ? v.note().map(n -> ": " + n).orElse("") : ": " + String.join(", ", where))
            + " (expected: descriptions that only describe the tool)",
        List.copyOf(ids)));
  }

  private static String toolName(ArrayNode tools, Span span) {
    // Span fields read like tools[2].description; name the tool rather than its index.
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("tools\\[(\\d+)]").matcher(span.field());
    if (m.find()) {
      int i = Integer.parseInt(m.group(1));
      JsonNode n = i < tools.size() ? tools.get(i).get("name") : null;
      if (n != null && n.isTextual()) {
        return n.textValue() + span.field().substring(m.end());
      }
    }
    return span.field();
  }

  private static List<String> commandOf(ConfigReader.Entry e) {
    List<String> cmd = new ArrayList<>();
    cmd.add(e.node().get("command").textValue());
    JsonNode args = e.node().get("args");
    if (args != null && args.isArray()) {
      args.forEach(a -> cmd.add(a.asText()));
    }
    return cmd;
  }

  private static Map<String, String> envOf(ConfigReader.Entry e) {
    Map<String, String> env = new TreeMap<>();
    JsonNode obj = e.node().get("env");
    if (obj != null && obj.isObject()) {
      obj.properties().forEach(kv -> {
        if (kv.getValue().isValueNode()) {
          env.put(kv.getKey(), kv.getValue().asText());
        }
      });
    }
    return env;
  }
}
