package io.rampart.discovery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL2 text into tokens with line numbers. A quoted string or heredoc becomes one
 * TEMPLATE token whose interpolations are already lexed into nested token lists.
 */
final class HclLexer {
  enum Type { IDENT, NUMBER, TEMPLATE, PUNCT, NEWLINE, EOF }

  /** {@code parts} holds literal Strings and, for interpolations, {@code List<Token>}. */
  record Token(Type type, String text, int line, List<Object> parts) {
    boolean is(String punct) {
      return type == Type.PUNCT && text.equals(punct);
    }
  }

  private static final String[] PUNCTS = {
    "...", "==", "!=", "<=", ">=", "&&", "||", "=>", "{", "}", "[", "]", "(", ")", "=", ",",
    ".", ":", "?", "!", "+", "-", "*", "/", "%", "<", ">"
  };

  private final String s;
  private int i;
  private int line = 1;

  private HclLexer(String s) {
    this.s = s;
  }

  static List<Token> lex(String text) {
    HclLexer l = new HclLexer(text);
    List<Token> out = l.tokens(false);
    out.add(new Token(Type.EOF, "", l.line, List.of()));
    return out;
  }

  /** Tokens up to the end, or (inside an interpolation) up to the matching close brace. */
  private List<Token> tokens(boolean interpolation) {
    List<Token> out = new ArrayList<>();
    int braces = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        out.add(new Token(Type.NEWLINE, "\n", line++, List.of()));
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        i++;
      } else if (c == '#' || s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          throw new ParseException(line, "unterminated comment (expected: */)");
        }
        line += count(s, i, end);
        i = end + 2;
      } else if (c == '"') {
        int start = line;
        i++;
        out.add(new Token(Type.TEMPLATE, "\"", start, template(false, "")));
      } else if (s.startsWith("<<", i) && i + 2 < s.length()
          && (Character.isLetter(s.charAt(i + 2)) || s.charAt(i + 2) == '-')) {
        out.add(heredoc());
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.'
            && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
          i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
          i++;
          if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
          }
          while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        out.add(new Token(Type.NUMBER, s.substring(start, i), line, List.of()));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
            || s.charAt(i) == '-')) {
          i++;
        }
        out.add(new Token(Type.IDENT, s.substring(start, i), line, List.of()));
      } else {
        String p = punct();
        if (interpolation && p.equals("}") && braces == 0) {
          return out;
        }
        braces += p.equals("{") ? 1 : p.equals("}") ? -1 : 0;
        out.add(new Token(Type.PUNCT, p, line, List.of()));
      }
    }
    if (interpolation) {
      throw new ParseException(line, "unterminated interpolation (expected: })");
    }
    return out;
  }

  private String punct() {
    for (String p : PUNCTS) {
      if (s.startsWith(p, i)) {
        i += p.length();
        return p;
      }
    }
    throw new ParseException(line, "unexpected character '" + printable(s.charAt(i))
        + "' (expected: HCL syntax)");
  }

  /** Reads template parts until the closing quote or, for heredocs, the end marker line. */
  private List<Object> template(boolean heredoc, String marker) {
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw new ParseException(line, heredoc ? "unterminated heredoc (expected: " + marker + ")"
            : "unterminated string (expected: \")");
      }
      char c = s.charAt(i);
      if (heredoc && (i == 0 || s.charAt(i - 1) == '\n')) {
        int eol = s.indexOf('\n', i);
        String row = s.substring(i, eol < 0 ? s.length() : eol);
        if (row.strip().equals(marker)) {
          i = eol < 0 ? s.length() : eol;
          break;
        }
      }
      if (!heredoc && c == '"') {
        i++;
        break;
      }
      if (!heredoc && c == '\n') {
        throw new ParseException(line, "unterminated string (expected: \" before the line end)");
      }
      if (s.startsWith("$${", i) || s.startsWith("%%{", i)) { // escaped interpolation
        lit.append(c).append('{');
        i += 3;
        continue;
      }
      if ((c == '$' || c == '%') && s.startsWith("{", i + 1)) {
        if (!lit.isEmpty()) {
          parts.add(lit.toString());
          lit.setLength(0);
        }
        i += 2;
        List<Token> inner = tokens(true); // consumes the closing brace
        // %{ if } directives are kept as an opaque part: the value becomes unknown
        parts.add(c == '$' ? inner : List.of(new Token(Type.PUNCT, "%", line, List.of())));
        continue;
      }
      if (!heredoc && c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(i + 1);
        lit.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
        i += 2;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      lit.append(c);
      i++;
    }
    if (!lit.isEmpty()) {
      parts.add(lit.toString());
    }
    return parts;
  }

  private Token heredoc() {
    int start = line;
    i += 2;
    if (s.charAt(i) == '-') {
      i++;
    }
    int m = i;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    String marker = s.substring(m, i);
    int eol = s.indexOf('\n', i);
    if (eol < 0) {
      throw new ParseException(line, "unterminated heredoc (expected: " + marker + ")");
    }
    i = eol + 1;
    line++;
    List<Object> parts = template(true, marker);
    return new Token(Type.TEMPLATE, "<<", start, parts);
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
