package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Engine configuration (YAML keys in kebab-case: {@code min-confidence}, {@code disabled-types},
 * {@code custom-detectors}, {@code stream-window}).
 *
 * @param minConfidence findings below this level are not reported
 * @param disabledTypes built-in or custom types that are never reported
 * @param customDetectors additional detectors
 * @param streamWindow characters the streaming scanner holds back for values that span chunks;
 *     also the largest value it can report whole
 */
public record DlpConfig(
    Confidence minConfidence,
    Set<String> disabledTypes,
    List<CustomDetector> customDetectors,
    int streamWindow) {
  public DlpConfig {
    requireNonNull(minConfidence, "minConfidence");
    disabledTypes = Set.copyOf(disabledTypes);
    customDetectors = List.copyOf(customDetectors);
    if (streamWindow < 1024 || streamWindow > 1 << 20) {
      throw new DlpException("stream-window: " + streamWindow + " (expected: 1024..1048576)");
    }
  }

  /** Defaults: every type, low confidence and up, 20,000-char stream window. */
  public static DlpConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link DlpConfig}. */
  public static final class Builder {
    private Confidence minConfidence = Confidence.LOW;
    private final Set<String> disabled = new LinkedHashSet<>();
    private final List<CustomDetector> custom = new ArrayList<>();
    private int streamWindow = 20_000;

    private Builder() {}

    public Builder minConfidence(Confidence value) {
      this.minConfidence = requireNonNull(value, "minConfidence");
      return this;
    }

    public Builder disableType(String type) {
      disabled.add(requireNonNull(type, "type"));
      return this;
    }

    public Builder customDetector(CustomDetector detector) {
      custom.add(requireNonNull(detector, "detector"));
      return this;
    }

    public Builder customDetectors(List<CustomDetector> detectors) {
      detectors.forEach(this::customDetector);
      return this;
    }

    public Builder streamWindow(int chars) {
      this.streamWindow = chars;
      return this;
    }

    public DlpConfig build() {
      return new DlpConfig(minConfidence, disabled, custom, streamWindow);
    }
  }
}
