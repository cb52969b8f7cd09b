package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the opaque cursor of the next one, when there is more. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
    requireNonNull(nextCursor, "nextCursor");
  }
}
