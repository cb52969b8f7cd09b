package io.rampart.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads MCP client configurations ({@code mcpServers} in Claude Desktop, Cursor and {@code
 * .mcp.json} files, {@code servers} in VS Code's {@code mcp.json}).
 */
final class McpConfigReader {
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(key|token|secret|password|passwd|authorization|credential).*");
  // ${VAR}, ${env:VAR}, $VAR and ${input:x} are references, not secrets
  private static final Pattern REFERENCE = Pattern.compile("^\\$\\{?[\\w:.-]+}?$");

  private McpConfigReader() {}

  static boolean detect(String fileName, Object root) {
    Map<String, Object> m = Values.map(root);
    return m.get("mcpServers") instanceof Map
        || fileName.equals("mcp.json") && m.get("servers") instanceof Map;
  }

  static void read(Collector c, JsonTree tree, String path, Optional<String> appId) {
    Map<String, Object> root = Values.map(tree.root);
    Map<String, Object> servers = Values.map(root.containsKey("mcpServers")
        ? root.get("mcpServers") : root.get("servers"));
    List<Object> out = new ArrayList<>();
    List<Object> secrets = new ArrayList<>();
    long unpinned = 0;
    long plaintextHttp = 0;
    for (Map.Entry<String, Object> e : servers.entrySet()) {
      Map<String, Object> s = Values.map(e.getValue());
      String command = Values.string(s, "command").orElse("");
      List<String> args = Values.list(s.get("args")).stream().map(String::valueOf).toList();
      String url = Values.string(s, "url").orElse("");
      for (String section : List.of("env", "headers")) {
        Values.map(s.get(section)).forEach((k, v) -> {
          String value = String.valueOf(v);
          if (SECRET_KEY.matcher(k).matches() && !value.isBlank()
              && !REFERENCE.matcher(value.replaceFirst("^Bearer\\s+", "")).matches()) {
            secrets.add(Map.of("server", e.getKey(), "key", k,
                "line", (long) tree.line(s.get(section))));
          }
        });
      }
      if ((command.equals("npx") || command.equals("uvx")) && args.stream()
          .filter(a -> !a.startsWith("-")).findFirst()
          .map(pkg -> !pkg.substring(1).contains("@") && !pkg.contains("==")).orElse(false)) {
        unpinned++;
      }
      if (url.startsWith("http://") && !url.startsWith("http://localhost")
          && !url.startsWith("http://127.0.0.1")) {
        plaintextHttp++;
      }
      out.add(Map.of("name", e.getKey(), "command", command, "url", url));
    }
    Map<String, Object> p = Collector.props();
    p.put("servers", out);
    p.put("serverCount", (long) out.size());
    p.put("plaintextSecrets", secrets);
    p.put("unpinnedServers", unpinned);
    p.put("plaintextHttpServers", plaintextHttp);
    int line = secrets.isEmpty() ? tree.line(servers)
        : ((Long) Values.map(secrets.getFirst()).get("line")).intValue();
    String id = "code:" + path;
    c.add(id, AssetKind.MCP_CLIENT_CONFIG, "mcp-config", path, "code", Optional.empty(),
        Map.of(), p, new SourceRef(path, line));
    appId.ifPresent(a -> c.link(id, RelationType.PART_OF, a));
  }
}
