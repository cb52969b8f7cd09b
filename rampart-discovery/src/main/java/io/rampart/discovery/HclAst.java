package io.rampart.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The syntax tree of an HCL2 file: bodies of attributes and blocks, and expressions. */
final class HclAst {
  private HclAst() {}

  /** A body: attributes (by name) and nested blocks, in file order. */
  record Body(Map<String, Attribute> attributes, List<Block> blocks) {
    List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    Optional<Attribute> attribute(String name) {
      return Optional.ofNullable(attributes.get(name));
    }
  }

  record Attribute(String name, Expr value, int line) {}

  record Block(String type, List<String> labels, Body body, int line) {}

  /** An expression; evaluation happens in {@link HclEval}. */
  sealed interface Expr permits Literal, Template, Tuple, ObjectCons, Traversal, Call, Operation,
      ForExpr {}

  /** A number (Long or Double), string, boolean or null ({@code value} empty). */
  record Literal(Optional<Object> value) implements Expr {}

  /** A quoted string or heredoc: literal strings and interpolated expressions. */
  record Template(List<Object> parts) implements Expr {}

  record Tuple(List<Expr> items) implements Expr {}

  record ObjectCons(List<Map.Entry<Expr, Expr>> items) implements Expr {}

  /**
   * A variable reference with steps: {@code var.x}, {@code azurerm_x.y.id}, {@code a[0]}. A step
   * is a String (attribute), an Expr (index) or {@link #SPLAT}.
   */
  record Traversal(String root, List<Object> steps) implements Expr {}

  record Call(String name, List<Expr> args) implements Expr {}

  /** Unary, binary and conditional operators ({@code ?:} has three operands). */
  record Operation(String op, List<Expr> operands) implements Expr {}

  record ForExpr(Expr collection, Expr body) implements Expr {}

  static final String SPLAT = "*";
}
