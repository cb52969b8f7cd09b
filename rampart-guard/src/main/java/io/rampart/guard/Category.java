package io.rampart.guard;

import java.util.List;
import java.util.Locale;

/** Closed set of risks the guard reports, each mapped to OWASP LLM 2025 and MITRE ATLAS IDs. */
public enum Category {
  INSTRUCTION_OVERRIDE("LLM01", "AML.T0051.000"),
  JAILBREAK("LLM01", "AML.T0054"),
  PROMPT_EXTRACTION("LLM07", "AML.T0056"),
  INDIRECT_INJECTION("LLM01", "AML.T0051.001"),
  OBFUSCATION("LLM01", "AML.T0068"),
  SYSTEM_PROMPT_LEAK("LLM07", "AML.T0057"),
  OUTPUT_EXFILTRATION("LLM05", "AML.T0077"),
  OUTPUT_SCRIPT("LLM05", "AML.T0077"),
  BLOCKED_URL("LLM05"),
  TOOL_POISONING("LLM01", "AML.T0110"),
  /** The classifier flagged content that no signature explains. */
  SUSPECTED_INJECTION("LLM01", "AML.T0051"),
  /** A detector failed or could not run; blocked to fail closed. */
  DETECTOR_FAILURE();

  private final List<String> catalogIds;

  Category(String... catalogIds) {
    this.catalogIds = List.of(catalogIds);
  }

  /** OWASP LLM / ATLAS IDs from {@code RiskCatalog.builtIn()}. */
  public List<String> catalogIds() {
    return catalogIds;
  }

  /** Kebab-case wire name, e.g. {@code instruction-override}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
