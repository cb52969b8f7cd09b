package io.rampart.guard;

/** Which layer of the engine produced a verdict. */
public enum Tier {
  /** Normalization, decoding, signatures and structural features decided alone. */
  FAST,
  /** The fast tier was unsure and the embedding classifier decided. */
  MODEL,
  /** A detector failed or the model could not load; the engine blocked without a full answer. */
  FAIL_CLOSED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
