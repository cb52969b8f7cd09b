package io.rampart.posture;

import java.io.PrintStream;
import java.util.List;

/** {@code --format csv}: one row per finding (RFC 4180 quoting). */
final class CsvReport {
  private CsvReport() {}

  static void write(Assessment a, PrintStream out) {
    out.print("rule,severity,score,asset,title,path,line,references\r\n");
    for (Finding f : a.findings()) {
      List<String> cells = List.of(f.rule(), f.severity().id(), String.valueOf(f.score()),
          f.asset(), f.title(), f.location().map(l -> l.path()).orElse(""),
          f.location().filter(l -> l.line() > 0).map(l -> String.valueOf(l.line())).orElse(""),
          String.join(" ", f.references()));
      out.print(String.join(",", cells.stream().map(CsvReport::cell).toList()) + "\r\n");
    }
  }

  static String cell(String s) {
    // a leading = + - @ would be run as a formula by spreadsheet programs
    String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
        || safe.contains("\r") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
