package io.rampart.gateway;

import io.rampart.core.RampartException;

/** A gateway failure; messages read {@code field: value (expected: ...)} and hold no secrets. */
public class GatewayException extends RampartException {
  public GatewayException(String message) {
    super(message);
  }

  public GatewayException(String message, Throwable cause) {
    super(message, cause);
  }
}
