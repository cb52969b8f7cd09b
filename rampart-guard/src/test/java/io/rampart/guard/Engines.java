package io.rampart.guard;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Engines for tests: fast tier only, or with stub model parts, and a fake ticker. */
final class Engines {
  private Engines() {}

  static GuardConfig.Builder fastOnly() {
    AtomicLong now = new AtomicLong();
    return GuardConfig.builder().model(GuardConfig.ModelMode.DISABLED).ticker(() -> now.addAndGet(1_000));
  }

  static GuardEngine fast() {
    return GuardEngine.create(fastOnly().build());
  }

  static GuardEngine withModel(GuardConfig config, Supplier<Embedder> embedder, Supplier<Head> head) {
    return new DefaultGuardEngine(config, new ModelTier(embedder, head));
  }

  /** A deterministic embedder: character-trigram hashing, L2-normalised. */
  static Embedder hashing() {
    return new Embedder() {
      @Override
      public int dimension() {
        return 16;
      }

      @Override
      public float[] embed(String text) {
        float[] v = new float[16];
        for (int i = 0; i + 3 <= text.length(); i++) {
          v[Math.floorMod(text.substring(i, i + 3).hashCode(), 16)] += 1;
        }
        double n = 0;
        for (float x : v) {
          n += x * x;
        }
        for (int i = 0; i < v.length; i++) {
          v[i] /= (float) Math.max(1e-9, Math.sqrt(n));
        }
        return v;
      }
    };
  }
}
