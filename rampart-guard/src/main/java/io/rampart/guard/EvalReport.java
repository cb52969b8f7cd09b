package io.rampart.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Detection quality and latency over a labeled set. FPR is over benign samples; recall at 1%
 * FPR uses the score threshold that keeps FPR at or below 1%.
 */
public record EvalReport(
    int samples,
    int positives,
    double precision,
    double recall,
    double f1,
    double falsePositiveRate,
    double rocAuc,
    double recallAt1PctFpr,
    double latencyP50Micros,
    double latencyP99Micros,
    double fastTierShare) {

  /** One scored sample. */
  public record Scored(boolean attack, double score, boolean blocked, long latencyNanos, boolean fast) {}

  public static EvalReport of(List<Scored> rows) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    int fast = 0;
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    long[] lat = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Scored r = rows.get(i);
      lat[i] = r.latencyNanos();
      fast += r.fast() ? 1 : 0;
      if (r.attack()) {
        pos.add(r.score());
        if (r.blocked()) {
          tp++;
        } else {
          fn++;
        }
      } else {
        neg.add(r.score());
        if (r.blocked()) {
          fp++;
        } else {
          tn++;
        }
      }
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double fpr = fp + tn == 0 ? 0 : (double) fp / (fp + tn);
    Arrays.sort(lat);
    return new EvalReport(rows.size(), pos.size(), precision, recall, f1, fpr, auc(pos, neg),
        recallAtFpr(pos, neg, 0.01), pct(lat, 0.50) / 1e3, pct(lat, 0.99) / 1e3,
        rows.isEmpty() ? 0 : (double) fast / rows.size());
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  // Mann-Whitney U with ties counted as half.
  private static double auc(List<Double> pos, List<Double> neg) {
    if (pos.isEmpty() || neg.isEmpty()) {
      return Double.NaN;
    }
    double[] n = neg.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double sum = 0;
    for (double p : pos) {
      int lo = lowerBound(n, p);
      int hi = upperBound(n, p);
      sum += lo + (hi - lo) / 2.0;
    }
    return sum / ((double) pos.size() * n.length);
  }

  private static double recallAtFpr(List<Double> pos, List<Double> neg, double maxFpr) {
    if (pos.isEmpty() || neg.isEmpty()) {
      return Double.NaN;
    }
    double[] n = neg.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int allowedFp = (int) Math.floor(maxFpr * n.length);
    // Block strictly above the (allowedFp+1)-th highest benign score.
    double threshold = n[n.length - 1 - allowedFp];
    long caught = pos.stream().filter(p -> p > threshold).count();
    return (double) caught / pos.size();
  }

  private static int lowerBound(double[] a, double v) {
    int i = Arrays.binarySearch(a, Math.nextDown(v));
    int idx = i >= 0 ? i + 1 : -i - 1;
    while (idx > 0 && a[idx - 1] >= v) {
      idx--;
    }
    while (idx < a.length && a[idx] < v) {
      idx++;
    }
    return idx;
  }

  private static int upperBound(double[] a, double v) {
    int idx = lowerBound(a, v);
    while (idx < a.length && a[idx] == v) {
      idx++;
    }
    return idx;
  }

  /** Human-readable summary, one metric per line. */
  public String toText() {
    return String.format(
        Locale.ROOT,
        "samples: %d (attacks %d, benign %d)%nprecision: %.4f%nrecall: %.4f%nf1: %.4f%n"
            + "false-positive-rate: %.4f%nroc-auc: %.4f%nrecall-at-1pct-fpr: %.4f%n"
            + "latency-p50-us: %.1f%nlatency-p99-us: %.1f%nfast-tier-share: %.3f%n",
        samples, positives, samples - positives, precision, recall, f1, falsePositiveRate, rocAuc,
        recallAt1PctFpr, latencyP50Micros, latencyP99Micros, fastTierShare);
  }
}
