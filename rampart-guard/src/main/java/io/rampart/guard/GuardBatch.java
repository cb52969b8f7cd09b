package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs an engine over many samples: the logic behind {@code rampart guard scan} and {@code eval}. */
public final class GuardBatch {

  /** Output format of {@link #scan}. */
  public enum Format {
    JSONL,
    TEXT;

    public static Format parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "jsonl" -> JSONL;
        case "text" -> TEXT;
        default -> throw new GuardException("format: " + s + " (expected: jsonl or text)");
      };
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final GuardEngine engine;

  private GuardBatch(GuardEngine engine) {
    this.engine = engine;
  }

  public static GuardBatch create(GuardEngine engine) {
    return new GuardBatch(requireNonNull(engine, "engine"));
  }

  /** Writes one line per sample: id, score, verdict, categories, latency and the spans. */
  public void scan(List<Sample> samples, Appendable out, Format format) {
    requireNonNull(samples, "samples");
    requireNonNull(out, "out");
    requireNonNull(format, "format");
    try {
      for (Sample s : samples) {
        Verdict v = engine.inspectPrompt(s.text());
        out.append(format == Format.JSONL ? json(s.id(), v) : text(s.id(), v)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON line for one verdict in the {@code scan} format. */
  public static String json(String id, Verdict v) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("score", Math.round(v.score() * 10_000) / 10_000.0);
    n.put("verdict", v.decision().wireName());
    var cats = n.putArray("categories");
    v.categories().forEach(c -> cats.add(c.wireName()));
    var ids = n.putArray("catalog_ids");
    v.catalogIds().forEach(ids::add);
    n.put("latency_us", v.latency().toNanos() / 1_000);
    n.put("tier", v.tier().wireName());
    var spans = n.putArray("spans");
    for (Span sp : v.spans()) {
      spans.addObject().put("field", sp.field()).put("start", sp.start()).put("end", sp.end())
          .put("rule", sp.rule()).put("category", sp.category().wireName())
          .put("excerpt", sp.excerpt());
    }
    v.note().ifPresent(note -> n.put("note", note));
    return n.toString();
  }

  private static String text(String id, Verdict v) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s\t%s\t%.3f\t%s\t%dus", id, v.decision().wireName(),
        v.score(), v.tier().wireName(), v.latency().toNanos() / 1_000));
    v.categories().forEach(c -> b.append('\t').append(c.wireName()).append(' ').append(c.catalogIds()));
    v.spans().stream().limit(5).forEach(s -> b.append("\n    ").append(s.rule()).append(" [")
        .append(s.start()).append(',').append(s.end()).append(") ").append(s.excerpt().replace('\n', ' ')));
    v.note().ifPresent(note -> b.append("\n    note: ").append(note));
    return b.toString();
  }

  /** Scores labeled samples; unlabeled ones are skipped. Runs each sample once after warm-up. */
  public EvalReport evaluate(List<Sample> samples) {
    requireNonNull(samples, "samples");
    List<Sample> labeled = samples.stream().filter(s -> s.label().isPresent()).toList();
    // Warm the JIT and load the model so latency reflects steady state.
    engine.warmUp();
    for (int i = 0; i < Math.min(50, labeled.size()); i++) {
      engine.inspectPrompt(labeled.get(i).text());
    }
    List<EvalReport.Scored> rows = new ArrayList<>();
    for (Sample s : labeled) {
      Verdict v = engine.inspectPrompt(s.text());
      rows.add(new EvalReport.Scored(s.label().getAsInt() == 1, v.score(), v.blocked(),
          v.latency().toNanos(), v.tier() == Tier.FAST));
    }
    return EvalReport.of(rows);
  }
}
