package io.rampart.core.catalog;

import io.rampart.core.RampartException;
import java.util.List;

/** A rule, finding or detection names a catalog ID that does not exist. */
public final class UnknownCatalogIdException extends RampartException {
  private final List<String> ids;

  public UnknownCatalogIdException(String where, List<String> ids) {
    super(where + ": references: " + String.join(", ", ids)
        + " (expected: IDs from the risk catalog, see 'rampart catalog list')");
    this.ids = List.copyOf(ids);
  }

  public List<String> ids() {
    return ids;
  }
}
