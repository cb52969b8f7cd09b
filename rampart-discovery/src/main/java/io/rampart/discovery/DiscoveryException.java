package io.rampart.discovery;

import io.rampart.core.RampartException;

/** Root of discovery's unchecked exceptions; messages read {@code field: value (expected: ...)}. */
public class DiscoveryException extends RampartException {
  public DiscoveryException(String message) {
    super(message);
  }

  public DiscoveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
