package io.rampart.dlp;

import io.rampart.core.RampartException;

/** Raised when the DLP engine cannot do its job; messages never contain scanned values. */
public final class DlpException extends RampartException {
  public DlpException(String message) {
    super(message);
  }

  public DlpException(String message, Throwable cause) {
    super(message, cause);
  }
}
