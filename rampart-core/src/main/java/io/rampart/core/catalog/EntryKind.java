package io.rampart.core.catalog;

import java.util.Locale;

/** What a catalog entry is. */
public enum EntryKind {
  /** An OWASP Top 10 risk. */
  RISK,
  TACTIC,
  TECHNIQUE,
  SUBTECHNIQUE,
  MITIGATION;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
