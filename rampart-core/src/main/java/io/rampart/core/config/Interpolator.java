package io.rampart.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in scalar values; {@code $${} stands for a
 * literal {@code ${}. As in the shell, the default also applies when the variable is empty.
 * Error messages name the variable but never the value or the default, which may be secret.
 */
final class Interpolator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The expanded text, or the problems that prevented expanding it. */
  record Result(String value, List<String> problems) {}

  private Interpolator() {}

  static Result expand(String raw, Map<String, String> env) {
    if (raw.indexOf('$') < 0) {
      return new Result(raw, List.of());
    }
    StringBuilder out = new StringBuilder(raw.length());
    List<String> problems = new ArrayList<>();
    int i = 0;
    while (i < raw.length()) {
      if (raw.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (raw.startsWith("${", i)) {
        int close = raw.indexOf('}', i + 2);
        if (close < 0) {
          problems.add(
              "unterminated ${ (expected ${VAR} or ${VAR:-default}; write $${ for a literal ${)");
          break;
        }
        String body = raw.substring(i + 2, close);
        int sep = body.indexOf(":-");
        String name = sep < 0 ? body : body.substring(0, sep);
        if (sep >= 0 && body.indexOf("${", sep) >= 0) {
          problems.add("nested ${ in a default (expected a plain default: ${VAR:-text})");
        } else if (!NAME.matcher(name).matches()) {
          problems.add(
              "invalid variable reference (expected ${VAR} or ${VAR:-default} with VAR made of"
                  + " letters, digits and _)");
        } else {
          String value = env.get(name);
          if (value != null && (sep < 0 || !value.isEmpty())) {
            out.append(value);
          } else if (sep >= 0) {
            out.append(body, sep + 2, body.length());
          } else {
            problems.add(
                "environment variable "
                    + name
                    + " is not set (expected it set, or a default: ${"
                    + name
                    + ":-...})");
          }
        }
        i = close + 1;
      } else {
        out.append(raw.charAt(i));
        i++;
      }
    }
    return new Result(out.toString(), List.copyOf(problems));
  }

  /** Escapes {@code text} so that expanding it gives it back unchanged. */
  static String escape(String text) {
    return text.replace("${", "$${");
  }
}
