package io.rampart.discovery;

import java.util.Locale;

/** Where assets come from; {@code rampart scan --source} takes the {@link #id()}. */
public enum SourceKind {
  AZURE,
  ARG_JSON,
  ARM,
  TERRAFORM,
  K8S,
  CODE;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static SourceKind parse(String text) {
    for (SourceKind k : values()) {
      if (k.id().equalsIgnoreCase(text.strip())) {
        return k;
      }
    }
    throw new DiscoveryException(
        "source: " + text + " (expected: azure, arg-json, arm, terraform, k8s or code)");
  }
}
