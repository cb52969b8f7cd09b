package io.rampart.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.rampart.core.event.Severity;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.EntityTypes;
import io.rampart.dlp.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code mcp.plaintext-secret}: literal credentials in env values, header values, arguments and
 * URLs. A value the DLP engine recognizes as a secret is critical; a literal under a secret-like
 * key name is high. References the client resolves ({@code ${VAR}}, {@code ${env:VAR}}, {@code
 * ${input:id}}, {@code $VAR}) and obvious placeholders are not secrets.
 */
final class SecretRules {
  /** Name parts that mark a secret anywhere in a key (GITHUB_TOKEN, clientSecret, DB_PASSWORD). */
  private static final Set<String> SECRET_PARTS =
      Set.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "AUTH",
          "AUTHORIZATION", "COOKIE", "BEARER", "PAT", "APIKEY");
  private static final Pattern REFERENCE_ONLY =
      Pattern.compile("(?:(?:Bearer|Basic|Token)\\s+)?(?:\\$\\{[^}]+}|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%)");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(?i)(<[^>]*>|.*\\byour[-_ ].*|.*your_.*|x{3,}|\\*{3,}|changeme|\\.\\.\\.|placeholder|todo|none|null|true|false|\\d{1,5})");
  private static final Pattern SECRET_FLAG =
      Pattern.compile("(?i)--?[a-z0-9-]*(key|token|secret|password|passwd|credential)[a-z0-9-]*");

  private static final String MASK = "***";
  private static final Pattern AUTH_PARAM =
      Pattern.compile("(?i)([?&][a-z0-9_-]*(?:key|token|secret|auth|password|sig)[a-z0-9_-]*=)[^&#]*");

  private final DlpEngine dlp;

  SecretRules(DlpEngine dlp) {
    this.dlp = dlp;
  }

  void check(ConfigReader.Entry e, List<McpFinding> out) {
    values(e, "env", "environment variable", out);
    values(e, "headers", "header", out);
    args(e, out);
    ConfigReader.text(e.node(), "url")
        .or(() -> ConfigReader.text(e.node(), "serverUrl"))
        .ifPresent(url -> url(e, url, out));
  }

  private void url(ConfigReader.Entry e, String url, List<McpFinding> out) {
    String rel = e.node().has("url") ? "/url" : "/serverUrl";
    int before = out.size();
    literal(e, rel, "the URL", "url", url, out);
    java.util.regex.Matcher m = AUTH_PARAM.matcher(url);
    while (out.size() == before && m.find()) {
      String param = m.group(1).substring(1, m.group(1).length() - 1);
      String value = url.substring(m.end(1), m.end());
      literalWith(e, rel, "the URL query parameter " + param, true, value, out);
    }
  }

  private void values(ConfigReader.Entry e, String field, String what, List<McpFinding> out) {
    JsonNode obj = e.node().get(field);
    if (obj == null || !obj.isObject()) {
      return;
    }
    for (var kv : obj.properties()) {
      if (kv.getValue().isTextual()) {
        String rel = "/" + field + "/" + ConfigReader.escape(kv.getKey());
        literal(e, rel, what + " " + kv.getKey(), kv.getKey(), kv.getValue().textValue(), out);
      }
    }
  }

  private void args(ConfigReader.Entry e, List<McpFinding> out) {
    JsonNode args = e.node().get("args");
    if (args == null || !args.isArray()) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      if (!args.get(i).isTextual()) {
        continue;
      }
      String arg = args.get(i).textValue();
      String name = "";
      String value = arg;
      int eq = arg.indexOf('=');
      if (arg.startsWith("-") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i > 0 && args.get(i - 1).isTextual() && SECRET_FLAG.matcher(args.get(i - 1).textValue()).matches()) {
        name = args.get(i - 1).textValue();
      }
      boolean secretName = !name.isEmpty() && SECRET_FLAG.matcher(name).matches();
      String where = "argument " + (i + 1) + (name.isEmpty() ? "" : " (" + name + ")");
      literalWith(e, "/args/" + i, where, secretName, value, out);
    }
  }

  private void literal(ConfigReader.Entry e, String rel, String where, String key, String value, List<McpFinding> out) {
    literalWith(e, rel, where, secretName(key), value, out);
  }

  /** {@code *_KEY}, {@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*} and kin, by name part. */
  static boolean secretName(String key) {
    String[] parts = key.split("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].toUpperCase(Locale.ROOT);
      if (SECRET_PARTS.contains(p) || p.endsWith("TOKEN") || p.endsWith("SECRET") || p.endsWith("PASSWORD")
          || (i == parts.length - 1 && p.endsWith("KEY"))) {
        return true;
      }
    }
    return false;
  }

  private void literalWith(
      ConfigReader.Entry e, String rel, String where, boolean secretName, String value, List<McpFinding> out) {
    String v = value.strip();
    if (v.isEmpty() || REFERENCE_ONLY.matcher(v).matches()) {
      return;
    }
    Optional<String> type = secretType(v);
    int line = e.line(rel);
    String server = e.server().name();
    if (type.isPresent()) {
      out.add(new McpFinding(McpRule.PLAINTEXT_SECRET, Severity.CRITICAL, server, e.server().file(), line,
          "server " + server + ": " + where + " holds a plaintext " + type.get()
              + " (expected: a reference such as ${env:NAME} or ${input:id})",
          McpRule.PLAINTEXT_SECRET.catalogIds()));
    } else if (secretName && !PLACEHOLDER.matcher(v).matches() && !v.contains("${") && v.length() >= 6
        && !notASecret(v)) {
      out.add(McpFinding.of(McpRule.PLAINTEXT_SECRET, server, e.server().file(), line,
          "server " + server + ": " + where + " holds a literal value under a secret-like name"
              + " (expected: a reference such as ${env:NAME} or ${input:id})"));
    }
  }

  /** URLs and paths under secret-like names (TOKEN_URL, KEY_FILE) point at secrets, not hold them. */
  private static boolean notASecret(String v) {
    return v.contains("://") || v.startsWith("/") || v.startsWith("~") || v.startsWith("./") || v.matches("[A-Za-z]:[\\\\/].*");
  }

  /** Arguments with values after secret-like flags, and values the DLP engine flags, masked. */
  List<String> redactArgs(List<String> args) {
    List<String> out = new java.util.ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      int eq = a.indexOf('=');
      if (a.startsWith("-") && eq > 0 && SECRET_FLAG.matcher(a.substring(0, eq)).matches()) {
        out.add(a.substring(0, eq + 1) + MASK);
      } else if (i > 0 && SECRET_FLAG.matcher(args.get(i - 1)).matches() && !a.startsWith("-")) {
        out.add(MASK);
      } else {
        out.add(secretType(a).isPresent() ? MASK : a);
      }
    }
    return out;
  }

  /** The URL with user info and secret-like query values masked. */
  String redactUrl(String url) {
    String u = url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@?#]*@", "$1" + MASK + "@");
    u = AUTH_PARAM.matcher(u).replaceAll("$1" + MASK);
    return secretType(u).isPresent() ? u.replaceAll("\\?.*$", "?" + MASK) : u;
  }

  /** The first secret type the DLP engine finds outside {@code ${...}} references. */
  private Optional<String> secretType(String value) {
    String masked = value.replaceAll("\\$\\{[^}]*}", " ");
    for (Finding f : dlp.scan(masked)) {
      if (EntityTypes.SECRETS.contains(f.type())) {
        return Optional.of(f.type().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return Optional.empty();
  }
}
