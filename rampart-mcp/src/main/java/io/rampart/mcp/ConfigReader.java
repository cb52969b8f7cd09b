package io.rampart.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the server entries of one client configuration file, in any of the known shapes. */
final class ConfigReader {
  private ConfigReader() {}

  /** A server entry with the raw JSON the rules look at (values stay inside this package). */
  record Entry(McpServer server, JsonNode node, String pointer, LocatedJson json) {
    int line(String relative) {
      return json.line(pointer + relative);
    }
  }

  /**
   * The servers declared in {@code file}.
   *
   * @throws McpException when the file cannot be read or is not JSON
   */
  static List<Entry> read(Path file, SecretRules redactor) {
    byte[] bytes;
    try {
      if (Files.size(file) > LocatedJson.MAX_BYTES) {
        throw new McpException(file + ": size: " + Files.size(file) + " bytes (expected: at most " + LocatedJson.MAX_BYTES + ")");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new McpException(file + ": unreadable: " + e.getClass().getSimpleName() + " (expected: a readable file)", e);
    }
    LocatedJson json;
    try {
      json = LocatedJson.parse(bytes);
    } catch (McpException e) {
      throw new McpException(file + ": " + e.getMessage(), e);
    }
    McpClient client = clientOf(file);
    List<Entry> out = new ArrayList<>();
    JsonNode root = json.root();
    collect(root.get("mcpServers"), "/mcpServers", client, file, json, redactor, out);
    collect(root.get("servers"), "/servers", client, file, json, redactor, out);
    collect(root.get("mcp.servers"), "/mcp.servers", client, file, json, redactor, out);
    JsonNode mcp = root.get("mcp");
    if (mcp != null && mcp.isObject()) {
      collect(mcp.get("servers"), "/mcp/servers", client, file, json, redactor, out);
    }
    JsonNode projects = root.get("projects");
    if (client == McpClient.CLAUDE_CODE && projects != null && projects.isObject()) {
      // Claude Code keeps per-project servers under projects.<path>.mcpServers.
      for (var p : projects.properties()) {
        if (p.getValue().isObject()) {
          String base = "/projects/" + escape(p.getKey()) + "/mcpServers";
          collect(p.getValue().get("mcpServers"), base, client, file, json, redactor, out);
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(e -> e.server().line()));
    return out;
  }

  static McpClient clientOf(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    String parent = file.getParent() == null ? "" : String.valueOf(file.getParent().getFileName()).toLowerCase(Locale.ROOT);
    String full = file.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
    if (name.equals("claude_desktop_config.json")) {
      return McpClient.CLAUDE_DESKTOP;
    }
    if (name.equals(".claude.json")) {
      return McpClient.CLAUDE_CODE;
    }
    if (name.equals("mcp_config.json") || full.contains("/.codeium/windsurf/")) {
      return McpClient.WINDSURF;
    }
    if (parent.equals(".cursor")) {
      return McpClient.CURSOR;
    }
    if (parent.equals(".vscode") || name.equals("settings.json") || full.contains("/code/user/")) {
      return McpClient.VSCODE;
    }
    return McpClient.GENERIC;
  }

  private static void collect(
      JsonNode servers, String base, McpClient client, Path file, LocatedJson json, SecretRules redactor,
      List<Entry> out) {
    if (servers == null || !servers.isObject()) {
      return;
    }
    for (var e : servers.properties()) {
      String pointer = base + "/" + escape(e.getKey());
      JsonNode node = e.getValue();
      if (!node.isObject()) {
        continue;
      }
      McpServer server = new McpServer(e.getKey(), client, file, json.line(pointer), launch(node, redactor));
      out.add(new Entry(server, node, pointer, json));
    }
  }

  /** How the entry is launched, with secret-looking arguments and URL parts masked. */
  static McpServer.Launch launch(JsonNode node, SecretRules redactor) {
    String type = text(node, "type").orElse("");
    Optional<String> url = text(node, "url").or(() -> text(node, "serverUrl"));
    Optional<String> command = text(node, "command");
    if (url.isPresent() && !type.equals("stdio")) {
      String transport = type.equals("sse") || (type.isEmpty() && url.get().matches("(?i).*/sse/?(\\?.*)?$")) ? "sse" : "http";
      return new McpServer.Remote(redactor.redactUrl(url.get()), transport, keys(node.get("headers")));
    }
    if (command.isPresent()) {
      List<String> args = new ArrayList<>();
      JsonNode a = node.get("args");
      if (a != null && a.isArray()) {
        a.forEach(x -> args.add(x.isValueNode() ? x.asText() : x.toString()));
      }
      return new McpServer.Stdio(command.get(), redactor.redactArgs(args), keys(node.get("env")));
    }
    return new McpServer.Unknown(type.isEmpty() ? Optional.empty() : Optional.of(type));
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  private static List<String> keys(JsonNode obj) {
    if (obj == null || !obj.isObject()) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    obj.fieldNames().forEachRemaining(keys::add);
    keys.sort(null);
    return keys;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
