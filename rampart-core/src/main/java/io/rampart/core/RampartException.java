package io.rampart.core;

/**
 * Root of Rampart's unchecked exceptions. Each module adds a small hierarchy below it;
 * messages read {@code field: value (expected: ...)} and never contain secret values.
 */
public class RampartException extends RuntimeException {
  public RampartException(String message) {
    super(message);
  }

  public RampartException(String message, Throwable cause) {
    super(message, cause);
  }
}
