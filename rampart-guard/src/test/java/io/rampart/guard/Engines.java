package io.rampart.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Engines for tests: fast tier only, or with stub model parts, and a fake ticker. */
final class Engines {
  private static final Signatures SIGNATURES = Signatures.builtIn();

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

  /** A head whose score is {@code bias} whatever the input (zero weights, unit scale). */
  static Head constantHead(double bias) {
    int dim = 16 + Features.size();
    float[] zeros = new float[dim];
    float[] ones = new float[dim];
    Arrays.fill(ones, 1);
    return new Head(zeros, bias, zeros, ones, new ObjectMapper().createObjectNode());
  }

  /** {@link #hashing()}, adding every text it embeds to {@code seen}. */
  static Embedder recording(List<String> seen) {
    Embedder inner = hashing();
    return new Embedder() {
      @Override
      public int dimension() {
        return inner.dimension();
      }

      @Override
      public float[] embed(String text) {
        seen.add(text);
        return inner.embed(text);
      }
    };
  }

  /** Ids of the built-in signatures that match {@code text} (folded as the fast tier folds it). */
  static java.util.List<String> signatureRules(String text) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    String folded = Folded.of(text).text();
    SIGNATURES.scan(folded, Tokens.of(folded), 3, hit -> ids.add(hit.rule().id()));
    return ids;
  }
}
