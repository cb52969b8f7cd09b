package io.rampart.server;

import io.rampart.core.RampartException;

/** The API server could not start, typically because its port is taken. */
public final class ServerStartException extends RampartException {
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
