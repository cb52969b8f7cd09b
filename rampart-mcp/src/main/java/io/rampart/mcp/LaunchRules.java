package io.rampart.mcp;

import io.rampart.core.event.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules on how a stdio server is launched: {@code mcp.unpinned-package}, {@code
 * mcp.broad-filesystem-root} and {@code mcp.shell-launcher}.
 */
final class LaunchRules {
  private static final Set<String> SHELLS =
      Set.of("bash", "sh", "zsh", "dash", "ksh", "fish", "cmd", "powershell", "pwsh");
  private static final Set<String> SHELL_FLAGS = Set.of("-c", "/c", "/k", "-command", "-encodedcommand", "-e", "-ec");
  private static final Pattern PIPE_TO_SHELL =
      Pattern.compile("(?is).*\\b(curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)\\b[^|]*\\|\\s*(sudo\\s+)?(ba|z|da|k)?sh\\b.*"
          + "|(?is).*\\b(iwr|irm|invoke-webrequest|invoke-restmethod)\\b.*\\|\\s*iex\\b.*|(?is).*\\biex\\s*\\(.*downloadstring.*");
  private static final Pattern EXACT_VERSION = Pattern.compile("v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?");
  /** Docker flags that take a value in the next argument. */
  private static final Set<String> DOCKER_VALUE_FLAGS =
      Set.of("-e", "--env", "-v", "--volume", "--name", "--network", "--net", "-p", "--publish", "--mount",
          "--entrypoint", "-w", "--workdir", "-u", "--user", "--env-file", "-l", "--label", "--platform",
          "--pull", "--cpus", "-m", "--memory", "--add-host", "--device", "--cap-add", "--cap-drop",
          "--security-opt", "--tmpfs", "--ulimit", "--dns", "-h", "--hostname", "--ipc", "--pid", "--runtime");

  private final Path home;

  LaunchRules(Path home) {
    this.home = home;
  }

  void check(ConfigReader.Entry e, List<McpFinding> out) {
    if (!(e.server().launch() instanceof McpServer.Stdio s)) {
      return;
    }
    String cmd = base(s.command());
    List<String> args = new ArrayList<>(s.args());
    // A command written as one string ("npx -y pkg") is split so the same checks apply.
    if (s.command().strip().contains(" ") && args.isEmpty()) {
      String[] parts = s.command().strip().split("\\s+");
      cmd = base(parts[0]);
      args = new ArrayList<>(List.of(parts).subList(1, parts.length));
    }
    shell(e, cmd, args, s.command(), out);
    packages(e, cmd, args, out);
    filesystem(e, args, out);
  }

  private void shell(ConfigReader.Entry e, String cmd, List<String> args, String rawCommand, List<McpFinding> out) {
    String line = rawCommand + " " + String.join(" ", args);
    String name = e.server().name();
    if (PIPE_TO_SHELL.matcher(line).matches()) {
      out.add(new McpFinding(McpRule.SHELL_LAUNCHER, Severity.CRITICAL, name, e.server().file(), e.line("/command"),
          "server " + name + ": launched by downloading a script and piping it into a shell"
              + " (expected: a pinned, verified package or binary)",
          McpRule.SHELL_LAUNCHER.catalogIds()));
      return;
    }
    if (SHELLS.contains(cmd) && args.stream().anyMatch(a -> SHELL_FLAGS.contains(a.toLowerCase(Locale.ROOT)))) {
      out.add(McpFinding.of(McpRule.SHELL_LAUNCHER, name, e.server().file(), e.line("/command"),
          "server " + name + ": launched through a shell wrapper (" + cmd + " " + firstFlag(args)
              + ") (expected: the server's executable with explicit arguments)"));
    }
  }

  private void packages(ConfigReader.Entry e, String cmd, List<String> args, List<McpFinding> out) {
    List<String> rest = args;
    String runner = cmd;
    if ((cmd.equals("pnpm") || cmd.equals("yarn")) && !args.isEmpty() && args.getFirst().equals("dlx")) {
      runner = cmd + " dlx";
      rest = args.subList(1, args.size());
    } else if (cmd.equals("pipx") && !args.isEmpty() && args.getFirst().equals("run")) {
      runner = "pipx run";
      rest = args.subList(1, args.size());
    } else if (cmd.equals("uv") && args.size() >= 2 && args.get(0).equals("tool") && args.get(1).equals("run")) {
      runner = "uvx";
      rest = args.subList(2, args.size());
    } else if ((cmd.equals("docker") || cmd.equals("podman")) && !args.isEmpty() && args.getFirst().equals("run")) {
      docker(e, cmd, args.subList(1, args.size()), out);
      return;
    }
    String spec = switch (runner) {
      case "npx", "bunx", "pnpm dlx", "yarn dlx" -> npmSpec(rest);
      case "uvx", "pipx run" -> pySpec(rest);
      default -> null;
    };
    if (spec == null || spec.startsWith(".") || spec.startsWith("/") || spec.contains("://")) {
      return;
    }
    boolean pinned = runner.startsWith("uvx") || runner.startsWith("pipx") ? pyPinned(spec) : npmPinned(spec);
    if (!pinned) {
      out.add(McpFinding.of(McpRule.UNPINNED_PACKAGE, e.server().name(), e.server().file(), e.line("/args"),
          "server " + e.server().name() + ": " + runner + " runs " + spec + " without a pinned version"
              + " (expected: an exact version, e.g. " + (runner.startsWith("uvx") || runner.startsWith("pipx") ? "pkg==1.2.3" : "pkg@1.2.3") + ")"));
    }
  }

  private void docker(ConfigReader.Entry e, String cmd, List<String> args, List<McpFinding> out) {
    String image = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-")) {
        String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(i + 1) : "");
        if ((flag.equals("-v") || flag.equals("--volume")) && broad(value.split(":")[0])) {
          broadFinding(e, "mounts " + value.split(":")[0] + " into the container", out);
        }
        if (!a.contains("=") && DOCKER_VALUE_FLAGS.contains(a)) {
          i++;
        }
        continue;
      }
      image = a;
      break;
    }
    if (image == null) {
      return;
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    boolean digest = image.contains("@sha256:");
    boolean tagged = last.contains(":") && !last.endsWith(":latest");
    if (!digest && !tagged) {
      out.add(McpFinding.of(McpRule.UNPINNED_PACKAGE, e.server().name(), e.server().file(), e.line("/args"),
          "server " + e.server().name() + ": " + cmd + " run uses image " + image + " without a version"
              + " (expected: a tag other than latest, or better a digest @sha256:...)"));
    }
  }

  private void filesystem(ConfigReader.Entry e, List<String> args, List<McpFinding> out) {
    int at = -1;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).contains("server-filesystem") || args.get(i).contains("mcp-server-filesystem")) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return;
    }
    for (String dir : args.subList(at + 1, args.size())) {
      if (!dir.startsWith("-") && broad(dir)) {
        broadFinding(e, "may read and write everything under " + dir, out);
      }
    }
  }

  private void broadFinding(ConfigReader.Entry e, String what, List<McpFinding> out) {
    out.add(McpFinding.of(McpRule.BROAD_FILESYSTEM_ROOT, e.server().name(), e.server().file(), e.line("/args"),
        "server " + e.server().name() + ": " + what + " (expected: the project directories it needs)"));
  }

  boolean broad(String dir) {
    String d = dir.strip().replace('\\', '/');
    while (d.length() > 1 && d.endsWith("/") && !d.matches("[A-Za-z]:/")) {
      d = d.substring(0, d.length() - 1);
    }
    String lower = d.toLowerCase(Locale.ROOT);
    if (Set.of("/", "~", "$home", "${home}", "${env:home}", "${userhome}", "%userprofile%", "/home", "/users", "/root", "/etc", "/var")
        .contains(lower)) {
      return true;
    }
    if (lower.matches("[a-z]:/?")) {
      return true;
    }
    String h = home.toString().replace('\\', '/');
    return !h.isEmpty() && d.equals(h);
  }

  private static String npmSpec(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-p") || a.equals("--package")) {
        return i + 1 < args.size() ? args.get(i + 1) : null;
      }
      if (a.startsWith("--package=")) {
        return a.substring("--package=".length());
      }
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }

  private static String pySpec(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--from") || a.equals("--spec")) {
        return i + 1 < args.size() ? args.get(i + 1) : null;
      }
      if (a.startsWith("--from=") || a.startsWith("--spec=")) {
        return a.substring(a.indexOf('=') + 1);
      }
      if (a.equals("--python") || a.equals("--with") || a.equals("--index-url")) {
        i++;
        continue;
      }
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }

  static boolean npmPinned(String spec) {
    int at = spec.lastIndexOf('@');
    if (at <= 0) {
      return false; // no version, or only a scope ("@scope/name")
    }
    return EXACT_VERSION.matcher(spec.substring(at + 1)).matches();
  }

  static boolean pyPinned(String spec) {
    int eq = spec.indexOf("==");
    if (eq > 0) {
      return EXACT_VERSION.matcher(spec.substring(eq + 2).strip()).matches();
    }
    int at = spec.indexOf('@');
    return at > 0 && EXACT_VERSION.matcher(spec.substring(at + 1).strip()).matches();
  }

  private static String base(String command) {
    String c = command.strip().replace('\\', '/');
    c = c.substring(c.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String ext : List.of(".exe", ".cmd", ".bat", ".ps1")) {
      if (c.endsWith(ext)) {
        return c.substring(0, c.length() - ext.length());
      }
    }
    return c;
  }

  private static String firstFlag(List<String> args) {
    return args.stream().filter(a -> SHELL_FLAGS.contains(a.toLowerCase(Locale.ROOT))).findFirst().orElse("");
  }
}
