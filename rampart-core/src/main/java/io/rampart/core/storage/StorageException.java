package io.rampart.core.storage;

import io.rampart.core.RampartException;

/**
 * Storage failed: the database cannot be opened, reached or migrated, or a statement failed.
 * Messages read {@code field: value: problem (detail)} and never contain a password.
 */
public final class StorageException extends RampartException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
