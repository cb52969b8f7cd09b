package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores an engine against labeled JSONL: {@code {"text", "entities": [{"type", "start", "end"}]}}
 * with code point offsets. A finding matches a labeled entity of the same type when they overlap;
 * entities typed {@code ~T} mark regions where a T finding is neither required nor penalised.
 */
public final class Evaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Evaluation() {}

  /** Counts for one type. */
  public record Counts(int truePositives, int falsePositives, int falseNegatives, int matchedGold) {
    public double precision() {
      int d = truePositives + falsePositives;
      return d == 0 ? 1.0 : (double) truePositives / d;
    }

    public double recall() {
      int d = matchedGold + falseNegatives;
      return d == 0 ? 1.0 : (double) matchedGold / d;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Counts plus(Counts o) {
      return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
          falseNegatives + o.falseNegatives, matchedGold + o.matchedGold);
    }
  }

  /** Per-type counts (sorted by type) and their micro-average. */
  public record Report(Map<String, Counts> perType, Counts micro, int documents) {
    public Report {
      perType = new TreeMap<>(perType);
    }
  }

  private record Span(String type, int start, int end) {}

  /** Evaluates {@code engine} on the JSONL file. */
  public static Report evaluate(DlpEngine engine, Path jsonl) {
    requireNonNull(engine, "engine");
    Map<String, int[]> acc = new TreeMap<>();
    int docs = 0;
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode doc;
        try {
          doc = JSON.readTree(line);
        } catch (IOException e) {
          throw new DlpException(jsonl + ":" + lineNo + ": invalid JSON (expected: one object per"
              + " line)", e);
        }
        String text = doc.path("text").asText();
        List<Span> gold = new ArrayList<>();
        for (JsonNode e : doc.path("entities")) {
          gold.add(new Span(e.path("type").asText(), e.path("start").asInt(), e.path("end").asInt()));
        }
        score(engine.scan(text), text, gold, acc);
        docs++;
      }
    } catch (IOException e) {
      throw new DlpException("file: " + jsonl + " (expected: readable JSONL)", e);
    }
    Map<String, Counts> per = new TreeMap<>();
    Counts micro = new Counts(0, 0, 0, 0);
    for (Map.Entry<String, int[]> e : acc.entrySet()) {
      int[] a = e.getValue();
      Counts c = new Counts(a[0], a[1], a[2], a[3]);
      per.put(e.getKey(), c);
      micro = micro.plus(c);
    }
    return new Report(per, micro, docs);
  }

  private static void score(List<Finding> findings, String text, List<Span> gold,
      Map<String, int[]> acc) {
    List<Span> predicted = new ArrayList<>();
    for (Finding f : findings) {
      predicted.add(new Span(f.type(), f.codePointStart(text), f.codePointEnd(text)));
    }
    for (Span p : predicted) {
      boolean hit = false;
      boolean ignored = false;
      for (Span g : gold) {
        if (p.start() < g.end() && g.start() < p.end()) {
          hit |= g.type().equals(p.type());
          ignored |= g.type().equals("~" + p.type());
        }
      }
      int[] a = acc.computeIfAbsent(p.type(), k -> new int[4]);
      if (hit) {
        a[0]++;
      } else if (!ignored) {
        a[1]++;
      }
    }
    for (Span g : gold) {
      if (g.type().startsWith("~")) {
        continue;
      }
      boolean found = false;
      for (Span p : predicted) {
        found |= p.type().equals(g.type()) && p.start() < g.end() && g.start() < p.end();
      }
      int[] a = acc.computeIfAbsent(g.type(), k -> new int[4]);
      if (found) {
        a[3]++;
      } else {
        a[2]++;
      }
    }
  }

  /** A fixed-width table: type, precision, recall, F1, support; then the micro average. */
  public static String format(Report report) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-24s %9s %9s %9s %8s %6s%n", "type", "precision", "recall", "f1",
        "support", "fp"));
    report.perType().forEach((type, c) -> b.append(row(type, c)));
    b.append(row("MICRO", report.micro()));
    return b.toString();
  }

  private static String row(String type, Counts c) {
    return String.format("%-24s %9.4f %9.4f %9.4f %8d %6d%n", type, c.precision(), c.recall(),
        c.f1(), c.matchedGold() + c.falseNegatives(), c.falsePositives());
  }
}
