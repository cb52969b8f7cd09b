package io.rampart.posture;

import io.rampart.core.RampartException;

/** Root of posture's unchecked exceptions; messages read {@code field: value (expected: ...)}. */
public class PostureException extends RampartException {
  public PostureException(String message) {
    super(message);
  }

  public PostureException(String message, Throwable cause) {
    super(message, cause);
  }
}
