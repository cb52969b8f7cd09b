package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer with its explanation.
 *
 * @param score risk in {@code [0, 1]}; the decision is {@code BLOCK} when it reaches the policy's
 *     threshold or when the engine failed closed
 * @param categories distinct categories of the spans (or of the classifier), most severe first
 * @param spans every signal that fired
 * @param note why the verdict is what it is when spans cannot say it (model unavailable, input
 *     too large, classifier-only detection)
 */
public record Verdict(
    double score,
    Decision decision,
    List<Category> categories,
    List<Span> spans,
    Tier tier,
    Duration latency,
    Optional<String> note) {

  public Verdict {
    requireNonNull(decision, "decision");
    requireNonNull(tier, "tier");
    requireNonNull(latency, "latency");
    requireNonNull(note, "note");
    if (!(score >= 0 && score <= 1)) {
      throw new GuardException("score: " + score + " (expected: 0..1)");
    }
    categories = List.copyOf(categories);
    spans = List.copyOf(spans);
  }

  public boolean blocked() {
    return decision == Decision.BLOCK;
  }

  /** Catalog IDs of all categories, deduplicated, in order. */
  public List<String> catalogIds() {
    return categories.stream().flatMap(c -> c.catalogIds().stream()).distinct().toList();
  }
}
