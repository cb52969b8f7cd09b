package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

/** A directed relationship between two stored assets, e.g. {@code a uses b}. */
public record AssetLink(String from, String type, String to) {
  public AssetLink {
    requireNonNull(from, "from");
    requireNonNull(type, "type");
    requireNonNull(to, "to");
  }
}
