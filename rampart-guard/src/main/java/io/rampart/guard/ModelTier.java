package io.rampart.guard;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model tier: an embedding of the folded text plus the fast-tier features, scored by the
 * trained head. Loads lazily and remembers a load failure so the engine can fail closed
 * without retrying a costly load on every request.
 */
final class ModelTier {

  private final Supplier<Embedder> embedderFactory;
  private final Supplier<Head> headFactory;
  private volatile Optional<Loaded> loaded = Optional.empty();
  private volatile Optional<String> failure = Optional.empty();

  private record Loaded(Embedder embedder, Head head) {}

  ModelTier(Supplier<Embedder> embedderFactory, Supplier<Head> headFactory) {
    this.embedderFactory = embedderFactory;
    this.headFactory = headFactory;
  }

  static ModelTier of(GuardConfig config) {
    return new ModelTier(
        () -> MiniLmEmbedder.load(config.modelMaxTokens()),
        () -> config.head().map(Head::read).orElseGet(Head::bundled));
  }

  /** Why the model is unavailable, once a load has failed. */
  Optional<String> failure() {
    return failure;
  }

  /**
   * Loads the model if it is not loaded yet and runs one inference, so that the first request
   * does not pay ONNX Runtime's first-run allocations; true when the model is usable.
   */
  boolean preload() {
    Optional<Loaded> l = ensureLoaded();
    try {
      l.ifPresent(m -> m.embedder().embed("warm-up: what is the capital of france?"));
    } catch (RuntimeException e) {
      // Inference itself fails: unsure inputs will fail closed, so report the tier unusable.
      return false;
    }
    return l.isPresent();
  }

  /** The probability of an attack, or empty when the model cannot load. */
  Optional<Double> score(String foldedText, double[] features) {
    Optional<Loaded> l = ensureLoaded();
    return l.map(m -> m.head().probability(m.embedder().embed(foldedText), features));
  }

  private Optional<Loaded> ensureLoaded() {
    Optional<Loaded> l = loaded;
    if (l.isPresent() || failure.isPresent()) {
      return l;
    }
    synchronized (this) {
      if (loaded.isEmpty() && failure.isEmpty()) {
        try {
          loaded = Optional.of(new Loaded(embedderFactory.get(), headFactory.get()));
        } catch (RuntimeException | LinkageError e) {
          failure = Optional.of(String.valueOf(e.getMessage()));
        }
      }
      return loaded;
    }
  }
}
