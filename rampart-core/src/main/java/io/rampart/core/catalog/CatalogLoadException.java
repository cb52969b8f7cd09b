package io.rampart.core.catalog;

import io.rampart.core.RampartException;

/**
 * A catalog resource is missing or invalid: unreadable YAML, a duplicate or malformed ID, or a
 * {@code related} ID that no entry defines. The message starts with the resource's name.
 */
public final class CatalogLoadException extends RampartException {
  public CatalogLoadException(String message) {
    super(message);
  }

  public CatalogLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
