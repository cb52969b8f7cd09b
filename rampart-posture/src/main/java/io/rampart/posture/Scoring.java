package io.rampart.posture;

import io.rampart.core.event.Severity;
import io.rampart.discovery.Asset;
import io.rampart.discovery.AssetKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Risk scores 0..10: severity weighted by how exposed the asset is and how sensitive the data
 * it holds. The factors are deliberately coarse so that scores are explainable in one line.
 */
final class Scoring {
  private static final Set<AssetKind> SENSITIVE = Set.of(AssetKind.KEY_VAULT,
      AssetKind.STORAGE_ACCOUNT, AssetKind.SEARCH_SERVICE, AssetKind.VECTOR_DATABASE,
      AssetKind.ML_WORKSPACE);

  private Scoring() {}

  static double base(Severity s) {
    return switch (s) {
      case INFO -> 1;
      case LOW -> 3;
      case MEDIUM -> 5;
      case HIGH -> 7;
      case CRITICAL -> 9;
    };
  }

  static double exposure(Asset a) {
    return switch (String.valueOf(a.properties().getOrDefault("exposure", ""))) {
      case "internet" -> 1.2;
      case "node" -> 1.1;
      case "cluster" -> 0.9;
      case "private", "none" -> 0.8;
      default -> 1.0; // restricted or unknown
    };
  }

  static double sensitivity(Asset a) {
    String label = a.tags().getOrDefault("data-classification", "").toLowerCase(Locale.ROOT);
    return SENSITIVE.contains(a.kind()) || Set.of("confidential", "restricted", "pii",
        "secret").contains(label) ? 1.15 : 1.0;
  }

  static double finding(Severity s, Asset a) {
    return round(Math.min(10, base(s) * exposure(a) * sensitivity(a)));
  }

  /** The worst finding plus a tenth of the rest, capped at 10. */
  static double asset(List<Finding> findings) {
    List<Double> scores = findings.stream().map(Finding::score)
        .sorted(Comparator.reverseOrder()).toList();
    if (scores.isEmpty()) {
      return 0;
    }
    double rest = scores.subList(1, scores.size()).stream().mapToDouble(d -> d).sum();
    return round(Math.min(10, scores.getFirst() + rest / 10));
  }

  /** 0..100: mostly the worst asset (or attack path), partly the five worst. */
  static int estate(List<Double> assetScores) {
    List<Double> s = assetScores.stream().sorted(Comparator.reverseOrder()).toList();
    if (s.isEmpty()) {
      return 0;
    }
    double top = s.subList(0, Math.min(5, s.size())).stream().mapToDouble(d -> d).average()
        .orElse(0);
    return (int) Math.round(Math.min(100, 6 * s.getFirst() + 4 * top));
  }

  static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }
}
