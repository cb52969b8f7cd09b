package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Routes each input through the tiers and turns signals into an explained verdict. */
final class DefaultGuardEngine implements GuardEngine {

  private static final double QUESTION_FAST_CEILING = 0.4;

  private final GuardConfig config;
  private final FastTier fast;
  private final ModelTier model;
  private final OutputScanner output;
  private final ToolScanner tools;

  DefaultGuardEngine(GuardConfig config, ModelTier model) {
    this.config = config;
    this.fast = new FastTier(config, Signatures.builtIn());
    this.model = model;
    this.output = new OutputScanner(config);
    this.tools = new ToolScanner(fast);
  }

  @Override
  public boolean warmUp() {
    return config.model() == GuardConfig.ModelMode.ENABLED && model.preload();
  }

  @Override
  public Verdict inspectPrompt(String text) {
    requireNonNull(text, "text");
    return guarded(() -> inspectText(text, config.thresholds().prompt(), false));
  }

  @Override
  public Verdict inspectRetrieved(String text) {
    requireNonNull(text, "text");
    return guarded(() -> inspectText(text, config.thresholds().retrieved(), true));
  }

  @Override
  public Verdict inspectResponse(String text, Canary... canaries) {
    requireNonNull(text, "text");
    requireNonNull(canaries, "canaries");
    long t0 = config.ticker().getAsLong();
    return guarded(
        () -> {
          tooLarge(text);
          List<Signal> signals = output.scan(text, List.of(canaries));
          return fromSignals(signals, config.thresholds().response(), t0);
        });
  }

  @Override
  public Verdict inspectTools(JsonNode toolsList) {
    requireNonNull(toolsList, "toolsList");
    long t0 = config.ticker().getAsLong();
    return guarded(
        () -> {
          List<Span> spans = new ArrayList<>();
          double score = tools.scan(toolsList, spans);
          Set<Category> cats = new LinkedHashSet<>();
          if (!spans.isEmpty()) {
            cats.add(Category.TOOL_POISONING);
          }
          spans.stream()
              .sorted(Comparator.comparing(Span::category))
              .forEach(s -> cats.add(s.category()));
          Decision d = score >= config.thresholds().tools() ? Decision.BLOCK : Decision.ALLOW;
          return new Verdict(score, d, List.copyOf(cats), spans, Tier.FAST, since(t0), Optional.empty());
        });
  }

  private Verdict inspectText(String text, double threshold, boolean retrieved) {
    long t0 = config.ticker().getAsLong();
    tooLarge(text);
    FastTier.Result r = fast.analyse(text);
    List<Signal> signals = new ArrayList<>(r.signals());
    if (retrieved && r.score() >= config.fastAllowBelow()) {
      // Instructions to the assistant inside content are the indirect variant of the same attack.
      signals.add(new Signal("indirect.instructions-in-content", Category.INDIRECT_INJECTION,
          0, 0, 0, "instructions addressed to the assistant inside retrieved content"));
    }
    // The model runs only where its answer can change the decision: at or above the threshold
    // the signatures already block (the classifier may raise their score, never lower it).
    if (r.score() >= config.fastBlockAt() || r.score() >= threshold
        || (r.score() < config.fastAllowBelow() && !r.odd()) || r.modelText().isBlank()) {
      return verdict(r.score(), threshold, signals, Tier.FAST, t0, Optional.empty());
    }
    if (config.model() == GuardConfig.ModelMode.DISABLED) {
      return verdict(r.score(), threshold, signals, Tier.FAST, t0, Optional.empty());
    }
    Optional<Double> p = model.score(r.modelText(), r.features());
    if (p.isEmpty()) {
      signals.add(new Signal("model.unavailable", Category.DETECTOR_FAILURE, 1, 0, 0, "model unavailable"));
      return new Verdict(Math.max(r.score(), threshold), Decision.BLOCK, categories(signals, true),
          spans(signals, "input"), Tier.FAIL_CLOSED, since(t0),
          Optional.of("fast tier unsure and model unavailable: " + model.failure().orElse("unknown")));
    }
    double score = p.get();
    if (r.score() >= threshold) {
      // Signatures are written for precision: the classifier may raise their score, not erase it.
      score = Math.max(score, r.score());
    } else if (r.score() < QUESTION_FAST_CEILING && InformationalQuestion.test(r.folded())) {
      // Ordinary questions that merely mention attack vocabulary are the classic false positive.
      score *= 0.5;
    }
    Optional<String> note =
        score >= threshold && signals.isEmpty()
            ? Optional.of("classifier score " + Math.round(score * 100) / 100.0 + " with no signature")
            : Optional.empty();
    return verdict(score, threshold, signals, Tier.MODEL, t0, note);
  }

  private Verdict verdict(double score, double threshold, List<Signal> signals, Tier tier, long t0,
      Optional<String> note) {
    boolean block = score >= threshold;
    return new Verdict(clamp(score), block ? Decision.BLOCK : Decision.ALLOW,
        categories(signals, block), spans(signals, "input"), tier, since(t0), note);
  }

  private Verdict fromSignals(List<Signal> signals, double threshold, long t0) {
    double keep = 1;
    for (Signal s : signals) {
      keep *= 1 - s.weight();
    }
    return verdict(1 - keep, threshold, signals, Tier.FAST, t0, Optional.empty());
  }

  private static List<Category> categories(List<Signal> signals, boolean blocked) {
    if (signals.isEmpty()) { // most prompts: no stream, set or comparator to build
      return blocked ? List.of(Category.SUSPECTED_INJECTION) : List.of();
    }
    Set<Category> out = new LinkedHashSet<>();
    signals.stream()
        .sorted(Comparator.comparingDouble(Signal::weight).reversed())
        .forEach(s -> out.add(s.category()));
    if (blocked && out.isEmpty()) {
      out.add(Category.SUSPECTED_INJECTION);
    }
    return List.copyOf(out);
  }

  private static List<Span> spans(List<Signal> signals, String field) {
    return signals.isEmpty() ? List.of() : signals.stream().map(s -> s.toSpan(field)).toList();
  }

  private void tooLarge(String text) {
    if (text.length() > config.maxInputChars()) {
      throw new InputTooLarge(text.length());
    }
  }

  /** Thrown internally; becomes a fail-closed verdict. */
  private static final class InputTooLarge extends GuardException {
    InputTooLarge(int length) {
      super("input: " + length + " chars (expected: <= max-input-chars)");
    }
  }

  private interface Check {
    Verdict run();
  }

  // Fail closed: whatever goes wrong inside a detector blocks the content.
  private Verdict guarded(Check check) {
    long t0 = config.ticker().getAsLong();
    try {
      return check.run();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Verdict(1, Decision.BLOCK, List.of(Category.DETECTOR_FAILURE), List.of(),
          Tier.FAIL_CLOSED, since(t0), Optional.of("detector failed: " + e.getMessage()));
    }
  }

  private Duration since(long t0) {
    return Duration.ofNanos(Math.max(0, config.ticker().getAsLong() - t0));
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
  }
}
