package io.rampart.guard;

/** What the gateway should do with the inspected content. */
public enum Decision {
  ALLOW,
  BLOCK;

  /** Lower-case wire name ({@code allow} or {@code block}). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
