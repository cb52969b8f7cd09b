package io.rampart.guard;

import io.rampart.core.RampartException;

/** Unchecked failure of the guard engine; messages read {@code field: value (expected: ...)}. */
public class GuardException extends RampartException {
  public GuardException(String message) {
    super(message);
  }

  public GuardException(String message, Throwable cause) {
    super(message, cause);
  }
}
