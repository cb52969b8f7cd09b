package io.rampart.discovery;

import io.rampart.discovery.HclLexer.Token;
import io.rampart.discovery.HclLexer.Type;
import java.util.List;

/** Token position, newline handling and error helpers shared by the HCL parser. */
abstract class HclCursor {
  static final int MAX_DEPTH = 200;

  final List<Token> tokens;
  int pos;
  int nesting; // > 0 inside (), [] and {} of expressions, where newlines do not count
  int depth;

  HclCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  void identifier() {
    Token t = peek();
    if (t.type() != Type.IDENT) {
      throw error(t, "unexpected '" + text(t) + "'", "a name");
    }
    pos++;
  }

  void expect(String punct) {
    Token t = peek();
    if (!t.is(punct)) {
      throw error(t, "unexpected " + (t.type() == Type.EOF ? "end of input" : "'" + text(t) + "'"),
          punct);
    }
    pos++;
  }

  void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ParseException(peek().line(), "nested deeper than " + MAX_DEPTH
          + " (expected: a shallower expression)");
    }
  }

  Token raw() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  Token peek() {
    if (nesting > 0) {
      skipNewlines();
    }
    return raw();
  }

  void skipNewlines() {
    while (raw().type() == Type.NEWLINE) {
      pos++;
    }
  }

  static Object parseLong(Token t) {
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      return Double.parseDouble(t.text());
    }
  }

  static String text(Token t) {
    return switch (t.type()) {
      case NEWLINE -> "new line";
      case EOF -> "end of file";
      case TEMPLATE -> "string";
      default -> t.text();
    };
  }

  static ParseException error(Token t, String what, String expected) {
    return new ParseException(t.line(), "malformed HCL: " + what + " (expected: " + expected + ")");
  }
}
