package io.rampart.gateway;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A route's extra condition in CEL, e.g. {@code "analysts" in principal.groups &&
 * request.model.startsWith("gpt-4o")}. Compiled once per expression; evaluation that fails
 * counts as false (fail closed).
 */
final class CelCondition {
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("principal", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .setResultType(SimpleType.BOOL)
      .build();
  private static final Map<String, Program> PROGRAMS = new ConcurrentHashMap<>();

  private CelCondition() {}

  /** Throws {@link IllegalArgumentException} naming the problem if {@code expr} is not valid. */
  static void check(String expr) {
    program(expr);
  }

  private static Program program(String expr) {
    return PROGRAMS.computeIfAbsent(expr, e -> {
      CelValidationResult compiled = CEL.compile(e);
      try {
        return CEL.createProgram(compiled.getAst());
      } catch (CelValidationException | CelEvaluationException ex) {
        String why = compiled.hasError()
            ? compiled.getErrorString().lines().findFirst().orElse("") : ex.getMessage();
        throw new IllegalArgumentException("condition: does not compile: " + why
            + " (expected: a CEL expression of type bool over principal and request)");
      }
    });
  }

  /** Whether {@code expr} holds; false when evaluation fails. */
  static boolean test(String expr, Exchange ex) {
    Exchange.Principal p = ex.principal;
    Map<String, Object> principal = p == null ? Map.of("name", "", "groups", java.util.List.of())
        : Map.of("name", p.name(), "groups", p.groups());
    Map<String, Object> request = Map.of("model", ex.model, "path", ex.path,
        "method", ex.method, "stream", ex.stream,
        "route", ex.route().map(RouteConfig::name).orElse(""));
    try {
      return Boolean.TRUE.equals(program(expr).eval(Map.of("principal", principal,
          "request", request)));
    } catch (CelEvaluationException | RuntimeException e) {
      return false;
    }
  }
}
