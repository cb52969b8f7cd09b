package io.rampart.discovery;

import io.rampart.discovery.HclAst.Attribute;
import io.rampart.discovery.HclAst.Block;
import io.rampart.discovery.HclAst.Body;
import io.rampart.discovery.HclAst.Expr;
import io.rampart.discovery.HclLexer.Token;
import io.rampart.discovery.HclLexer.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive-descent parser for HCL2 native syntax (Terraform {@code .tf} and {@code .tfvars}).
 * Every syntax error is a {@link ParseException} with the line; nothing else escapes.
 */
final class HclParser extends HclCursor {
  private static final List<List<String>> BINARY = List.of(
      List.of("||"), List.of("&&"), List.of("==", "!="), List.of("<", ">", "<=", ">="),
      List.of("+", "-"), List.of("*", "/", "%"));

  private HclParser(List<Token> tokens) {
    super(tokens);
  }

  /** Parses a whole file. */
  static Body parse(String text) {
    try {
      HclParser p = new HclParser(HclLexer.lex(text));
      Body b = p.body(true);
      return b;
    } catch (ParseException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ParseException(0, "malformed HCL: " + e.getClass().getSimpleName()
          + " (expected: valid HCL2)");
    }
  }

  private Body body(boolean top) {
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    List<Block> blocks = new ArrayList<>();
    while (true) {
      Token t = raw();
      if (t.type() == Type.NEWLINE) {
        pos++;
        continue;
      }
      if (t.type() == Type.EOF) {
        if (!top) {
          throw error(t, "unexpected end of file", "}");
        }
        break;
      }
      if (t.is("}") && !top) {
        pos++;
        break;
      }
      if (t.type() != Type.IDENT) {
        throw error(t, "unexpected '" + text(t) + "'", "an attribute or block");
      }
      pos++;
      Token next = raw();
      if (next.is("=")) {
        pos++;
        Expr e = expr();
        if (attrs.putIfAbsent(t.text(), new Attribute(t.text(), e, t.line())) != null) {
          throw error(t, "attribute '" + t.text() + "' defined twice", "unique names");
        }
        endOfLine(top);
      } else {
        List<String> labels = new ArrayList<>();
        while (!raw().is("{")) {
          Token l = raw();
          if (l.type() == Type.IDENT) {
            labels.add(l.text());
          } else if (l.type() == Type.TEMPLATE
              && l.parts().stream().allMatch(String.class::isInstance)) {
            labels.add(String.join("", l.parts().stream().map(String::valueOf).toList()));
          } else {
            throw error(l, "unexpected '" + text(l) + "' after '" + t.text() + "'", "= or {");
          }
          pos++;
        }
        pos++;
        enter();
        blocks.add(new Block(t.text(), List.copyOf(labels), body(false), t.line()));
        depth--;
        endOfLine(top);
      }
    }
    return new Body(attrs, blocks);
  }

  private void endOfLine(boolean top) {
    Token t = raw();
    if (t.type() == Type.NEWLINE) {
      pos++;
    } else if (!(t.type() == Type.EOF || t.is("}") && !top)) {
      throw error(t, "unexpected '" + text(t) + "'", "a new line");
    }
  }

  Expr expr() {
    enter();
    try {
      Expr cond = binary(0);
      if (peek().is("?")) {
        pos++;
        Expr a = expr();
        expect(":");
        Expr b = expr();
        return new HclAst.Operation("?:", List.of(cond, a, b));
      }
      return cond;
    } finally {
      depth--;
    }
  }

  private Expr binary(int level) {
    if (level == BINARY.size()) {
      return unary();
    }
    Expr left = binary(level + 1);
    while (peek().type() == Type.PUNCT && BINARY.get(level).contains(peek().text())) {
      String op = peek().text();
      pos++;
      left = new HclAst.Operation(op, List.of(left, binary(level + 1)));
    }
    return left;
  }

  private Expr unary() {
    if (peek().is("!") || peek().is("-")) {
      String op = peek().text();
      pos++;
      enter();
      Expr e = unary();
      depth--;
      return new HclAst.Operation(op, List.of(e));
    }
    return postfix(primary());
  }

  private Expr postfix(Expr e) {
    while (true) {
      Token t = peek();
      if (t.is(".")) {
        pos++;
        Token n = peek();
        pos++;
        Object step = n.is("*") ? HclAst.SPLAT : n.type() == Type.IDENT || n.type() == Type.NUMBER
            ? n.text() : null;
        if (step == null) {
          throw error(n, "unexpected '" + text(n) + "' after '.'", "an attribute name");
        }
        e = step(e, step);
      } else if (t.is("[") && raw().is("[")) { // an index must follow without a newline
        pos++;
        nesting++;
        Object step;
        if (peek().is("*")) {
          pos++;
          step = HclAst.SPLAT;
        } else {
          step = expr();
        }
        expect("]");
        nesting--;
        e = step(e, step);
      } else {
        return e;
      }
    }
  }

  private static Expr step(Expr e, Object step) {
    if (e instanceof HclAst.Traversal(String root, List<Object> steps)) {
      List<Object> s = new ArrayList<>(steps);
      s.add(step);
      return new HclAst.Traversal(root, List.copyOf(s));
    }
    return new HclAst.Operation("index", List.of(e)); // indexing a computed value: unknown
  }

  private Expr primary() {
    Token t = peek();
    pos++;
    switch (t.type()) {
      case NUMBER -> {
        return new HclAst.Literal(Optional.of(t.text().contains(".") || t.text().contains("e")
            || t.text().contains("E") ? (Object) Double.parseDouble(t.text())
            : parseLong(t)));
      }
      case TEMPLATE -> {
        List<Object> parts = new ArrayList<>();
        for (Object part : t.parts()) {
          if (part instanceof List<?> inner) {
            @SuppressWarnings("unchecked")
            List<Token> toks = new ArrayList<>((List<Token>) inner);
            toks.add(new Token(Type.EOF, "", t.line(), List.of()));
            HclParser sub = new HclParser(toks);
            sub.nesting = 1;
            sub.depth = depth;
            if (toks.size() > 1 && toks.getFirst().is("%")) {
              parts.add(new HclAst.Operation("directive", List.of()));
            } else {
              parts.add(sub.expr());
              if (sub.peek().type() != Type.EOF) {
                throw error(sub.peek(), "unexpected '" + text(sub.peek()) + "' in ${...}", "}");
              }
            }
          } else {
            parts.add(part);
          }
        }
        return new HclAst.Template(List.copyOf(parts));
      }
      case IDENT -> {
        switch (t.text()) {
          case "true", "false" -> {
            return new HclAst.Literal(Optional.of(Boolean.parseBoolean(t.text())));
          }
          case "null" -> {
            return new HclAst.Literal(Optional.empty());
          }
          default -> { }
        }
        if (peek().is("(")) {
          pos++;
          nesting++;
          List<Expr> args = new ArrayList<>();
          while (!peek().is(")")) {
            args.add(expr());
            if (peek().is("...")) {
              pos++;
            }
            if (!peek().is(",")) {
              break;
            }
            pos++;
          }
          expect(")");
          nesting--;
          return new HclAst.Call(t.text(), List.copyOf(args));
        }
        return new HclAst.Traversal(t.text(), List.of());
      }
      case PUNCT -> {
        if (t.is("(")) {
          nesting++;
          Expr e = expr();
          expect(")");
          nesting--;
          return e;
        }
        if (t.is("[")) {
          nesting++;
          Expr e = peek().type() == Type.IDENT && peek().text().equals("for") ? forExpr("]")
              : tuple();
          nesting--;
          return e;
        }
        if (t.is("{")) {
          nesting++;
          Expr e = peek().type() == Type.IDENT && peek().text().equals("for") ? forExpr("}")
              : object();
          nesting--;
          return e;
        }
        throw error(t, "unexpected '" + t.text() + "'", "an expression");
      }
      default -> throw error(t, "unexpected " + text(t), "an expression");
    }
  }

  private Expr tuple() {
    List<Expr> items = new ArrayList<>();
    while (!peek().is("]")) {
      items.add(expr());
      if (!peek().is(",")) {
        break;
      }
      pos++;
    }
    expect("]");
    return new HclAst.Tuple(List.copyOf(items));
  }

  private Expr object() {
    List<Map.Entry<Expr, Expr>> items = new ArrayList<>();
    int saved = nesting;
    nesting = 0; // newlines separate object items
    try {
      while (true) {
        skipNewlines();
        if (peek().is("}")) {
          pos++;
          return new HclAst.ObjectCons(List.copyOf(items));
        }
        // items end at a new line, so newlines only vanish inside nested brackets
        nesting = 0;
        Token keyToken = peek();
        Expr key = keyToken.type() == Type.IDENT && (tokens.get(pos + 1).is("=")
            || tokens.get(pos + 1).is(":"))
            ? new HclAst.Literal(Optional.of(keyToken.text())) : null;
        if (key != null) {
          pos++;
        } else {
          key = expr();
        }
        if (!(peek().is("=") || peek().is(":"))) {
          throw error(peek(), "unexpected '" + text(peek()) + "' in object", "= or :");
        }
        pos++;
        Expr value = expr();
        items.add(Map.entry(key, value));
        nesting = 0;
        if (raw().is(",")) {
          pos++;
        } else if (!(raw().type() == Type.NEWLINE || raw().is("}"))) {
          throw error(raw(), "unexpected '" + text(raw()) + "' in object", ", or a new line");
        }
      }
    } finally {
      nesting = saved;
    }
  }

  private Expr forExpr(String close) {
    pos++; // for
    identifier();
    if (peek().is(",")) {
      pos++;
      identifier();
    }
    Token in = peek();
    if (!(in.type() == Type.IDENT && in.text().equals("in"))) {
      throw error(in, "unexpected '" + text(in) + "' in for expression", "in");
    }
    pos++;
    Expr coll = expr();
    expect(":");
    Expr body = expr();
    if (peek().is("=>")) {
      pos++;
      body = expr();
      if (peek().is("...")) {
        pos++;
      }
    }
    if (peek().type() == Type.IDENT && peek().text().equals("if")) {
      pos++;
      expr();
    }
    expect(close);
    return new HclAst.ForExpr(coll, body);
  }

}
