package io.rampart.cli;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.event.EventLog;
import io.rampart.discovery.Discovery;
import io.rampart.discovery.Inventory;
import io.rampart.posture.Assessment;
import io.rampart.posture.AttackPath;
import io.rampart.posture.FindingEvents;
import io.rampart.posture.PostureEngine;
import io.rampart.posture.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's posture step: assesses the sample estate shipped in {@code examples/estate}
 * (Terraform, ARM / Resource Graph JSON, Kubernetes, a small code repository) and records the
 * findings as {@code scan.finding} events, as a scheduled assessment would.
 */
final class DemoEstate {
  private DemoEstate() {}

  /** The sample estate next to the launcher ({@code RAMPART_HOME}) or the jar, if present. */
  static Optional<Path> locate(Map<String, String> env) {
    String home = env.getOrDefault("RAMPART_HOME", "");
    if (!home.isBlank()) {
      return existing(Path.of(home, "examples", "estate"));
    }
    try {
      Path jar = Path.of(DemoEstate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // rampart-cli/target/rampart.jar (or target/classes) -> repository root
      return existing(jar.getParent().getParent().getParent().resolve("examples/estate"));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> existing(Path p) {
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  static void run(PrintWriter out, Path estate, EventLog events, int step) {
    Inventory inventory = Discovery.create(Clock.systemUTC()).scan(List.of(estate), Optional.empty());
    Assessment assessment =
        PostureEngine.create(RuleSet.builtIn(RiskCatalog.builtIn())).assess(inventory);
    events.appendAll(FindingEvents.drafts(assessment));
    Map<String, Integer> bySeverity = new TreeMap<>();
    assessment.findings().forEach(f -> bySeverity.merge(f.severity().id(), 1, Integer::sum));
    out.println(step + ". Posture of a sample estate (" + estate + "):");
    out.println("   " + inventory.assets().size() + " AI assets, " + assessment.findings().size()
        + " findings " + bySeverity + ", " + assessment.attackPaths().size()
        + " attack paths, estate risk score " + assessment.estateScore() + "/100");
    for (AttackPath p : assessment.attackPaths().stream().limit(3).toList()) {
      out.println("   [" + p.severity().id() + "] " + p.title());
    }
    out.println("   -> findings recorded as scan.finding events; full report: ./rampart scan "
        + "--format html examples/estate > estate.html");
  }
}
