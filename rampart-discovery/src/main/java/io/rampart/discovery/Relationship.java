package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

/** A directed edge between two assets of an inventory, by asset ID. */
public record Relationship(String from, RelationType type, String to) {
  public Relationship {
    requireNonNull(from, "from");
    requireNonNull(type, "type");
    requireNonNull(to, "to");
  }
}
