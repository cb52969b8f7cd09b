package io.rampart.posture;

import io.rampart.core.event.Severity;
import io.rampart.discovery.ScanError;
import java.io.PrintStream;
import java.util.Locale;

/** {@code --format text}: a summary, attack paths, then findings, highest risk first. */
final class TextReport {
  private TextReport() {}

  static void write(Assessment a, PrintStream out) {
    out.printf(Locale.ROOT, "Rampart scan: %d assets, %d findings, %d attack paths, estate risk "
            + "%d/100%n", a.inventory().assets().size(), a.findings().size(),
        a.attackPaths().size(), a.estateScore());
    StringBuilder counts = new StringBuilder();
    for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
        Severity.LOW}) {
      counts.append(String.format(Locale.ROOT, "  %s %d", s.id(),
          a.findings().stream().filter(f -> f.severity() == s).count()));
    }
    out.println(counts.toString().strip());
    if (!a.attackPaths().isEmpty()) {
      out.println();
      out.println("Attack paths");
      for (AttackPath p : a.attackPaths()) {
        out.printf(Locale.ROOT, "  %-8s %4.1f  %s%n", p.severity().id().toUpperCase(Locale.ROOT),
            p.score(), p.title());
        out.println("           rules: " + String.join(", ", p.findings()));
      }
    }
    if (!a.findings().isEmpty()) {
      out.println();
      out.println("Findings");
      for (Finding f : a.findings()) {
        out.printf(Locale.ROOT, "  %-8s %4.1f  %s  %s%n", f.severity().id().toUpperCase(
            Locale.ROOT), f.score(), f.rule(), f.title());
        out.println("           " + f.location().map(Object::toString).orElse(f.asset())
            + "  [" + String.join(", ", f.references()) + "]");
      }
    }
    if (!a.inventory().errors().isEmpty()) {
      out.println();
      out.println("Not read");
      for (ScanError e : a.inventory().errors()) {
        out.println("  " + e);
      }
    }
  }
}
