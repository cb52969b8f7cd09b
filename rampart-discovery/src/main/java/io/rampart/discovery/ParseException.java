package io.rampart.discovery;

/** Input that does not parse (HCL, JSON, YAML), with the 1-based line where it went wrong. */
public final class ParseException extends DiscoveryException {
  private final int line;

  public ParseException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }
}
