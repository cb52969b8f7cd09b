package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logistic-regression head over [embedding, fast-tier features], standardised. Serialised as
 * JSON with a provenance header (data files and their SHA-256, command, date).
 */
record Head(float[] weights, double bias, float[] mean, float[] scale, JsonNode provenance) {

  static final String FORMAT = "rampart-guard-head/1";
  static final String BUNDLED = "head.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  Head {
    requireNonNull(provenance, "provenance");
    if (weights.length != mean.length || weights.length != scale.length) {
      throw new GuardException(
          "head: " + weights.length + " weights (expected: as many as mean and scale)");
    }
  }

  double probability(float[] embedding, double[] features) {
    int e = embedding.length;
    if (e + features.length != weights.length) {
      throw new GuardException(
          "head: " + weights.length + " weights (expected: " + (e + features.length) + ")");
    }
    double z = bias;
    for (int i = 0; i < e; i++) {
      z += weights[i] * (embedding[i] - mean[i]) / scale[i];
    }
    for (int i = 0; i < features.length; i++) {
      z += weights[e + i] * (features[i] - mean[e + i]) / scale[e + i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  static Head bundled() {
    try (InputStream in = Head.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new GuardException("head: " + BUNDLED + " missing (expected: a bundled resource)");
      }
      return parse(JSON.readTree(in), BUNDLED);
    } catch (IOException e) {
      throw new GuardException("head: " + BUNDLED + " unreadable (expected: JSON)", e);
    }
  }

  static Head read(Path path) {
    try {
      return parse(JSON.readTree(Files.readString(path)), path.toString());
    } catch (IOException e) {
      throw new GuardException("head: " + path + " unreadable (expected: a head JSON file)", e);
    }
  }

  private static Head parse(JsonNode n, String where) {
    if (!FORMAT.equals(n.path("format").asText())) {
      throw new GuardException("head: " + where + " format " + n.path("format") + " (expected: " + FORMAT + ")");
    }
    return new Head(
        floats(n.path("weights")), n.path("bias").asDouble(), floats(n.path("mean")),
        floats(n.path("scale")), n.path("provenance"));
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  void write(Path path) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.set("provenance", provenance);
    root.put("bias", bias);
    var w = root.putArray("weights");
    var m = root.putArray("mean");
    var s = root.putArray("scale");
    for (int i = 0; i < weights.length; i++) {
      w.add(round(weights[i]));
      m.add(round(mean[i]));
      s.add(round(scale[i]));
    }
    try {
      Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new GuardException("out: " + path + " not writable (expected: a writable file)", e);
    }
  }

  private static double round(float f) {
    return Math.round(f * 1e6) / 1e6;
  }
}
