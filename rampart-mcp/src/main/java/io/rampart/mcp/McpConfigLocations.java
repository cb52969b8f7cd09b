package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where MCP clients keep their configuration. */
public final class McpConfigLocations {
  /** File names looked for inside a directory given on the command line, relative to it. */
  public static final List<String> IN_DIRECTORY =
      List.of("mcp.json", ".mcp.json", ".vscode/mcp.json", ".vscode/settings.json", ".cursor/mcp.json",
          "claude_desktop_config.json", "mcp_config.json", ".claude.json");

  private McpConfigLocations() {}

  /**
   * The per-user configuration files of Claude Desktop, Claude Code, VS Code, Cursor and Windsurf
   * for the given OS ({@code os.name}), whether or not they exist.
   *
   * @param env the environment, for {@code APPDATA} (Windows) and {@code XDG_CONFIG_HOME}
   */
  public static List<Path> userDefaults(Path home, String osName, Map<String, String> env) {
    requireNonNull(home, "home");
    requireNonNull(osName, "osName");
    requireNonNull(env, "env");
    String os = osName.toLowerCase(Locale.ROOT);
    Path appConfig;
    if (os.contains("mac") || os.contains("darwin")) {
      appConfig = home.resolve("Library/Application Support");
    } else if (os.contains("win")) {
      String appData = env.get("APPDATA");
      appConfig = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData/Roaming");
    } else {
      String xdg = env.get("XDG_CONFIG_HOME");
      appConfig = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    }
    List<Path> out = new ArrayList<>();
    out.add(appConfig.resolve("Claude/claude_desktop_config.json"));
    out.add(home.resolve(".claude.json"));
    out.add(home.resolve(".mcp.json"));
    out.add(home.resolve(".cursor/mcp.json"));
    out.add(home.resolve(".codeium/windsurf/mcp_config.json"));
    for (String code : List.of("Code", "Code - Insiders", "VSCodium")) {
      out.add(appConfig.resolve(code + "/User/mcp.json"));
      out.add(appConfig.resolve(code + "/User/settings.json"));
    }
    return out;
  }

  /** A file as is; a directory as the {@link #IN_DIRECTORY} files it holds. */
  public static List<Path> expand(Path path) {
    requireNonNull(path, "path");
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    return IN_DIRECTORY.stream().map(path::resolve).filter(Files::isRegularFile).toList();
  }
}
