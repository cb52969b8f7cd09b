package io.rampart.posture;

/** A rule file that cannot be used: YAML error, bad field, CEL error or unknown catalog ID. */
public final class RuleLoadException extends PostureException {
  private final String file;
  private final int line;

  public RuleLoadException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
