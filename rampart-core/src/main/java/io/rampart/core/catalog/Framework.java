package io.rampart.core.catalog;

/** A risk framework that the catalog ships. */
public enum Framework {
  OWASP_LLM("owasp-llm", "OWASP Top 10 for LLM Applications 2025"),
  OWASP_AGENTIC("owasp-agentic", "OWASP Top 10 for Agentic Applications"),
  ATLAS("atlas", "MITRE ATLAS");

  private final String id;
  private final String title;

  Framework(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** Command-line and JSON id: {@code owasp-llm}, {@code owasp-agentic}, {@code atlas}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public static Framework parse(String text) {
    for (Framework f : values()) {
      if (f.id.equalsIgnoreCase(text.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "framework: " + text + " (expected: atlas, owasp-llm or owasp-agentic)");
  }
}
