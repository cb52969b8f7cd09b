package io.rampart.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One entry of the risk catalog: an OWASP risk, or an ATLAS tactic, technique or mitigation.
 *
 * @param related IDs of related entries: for a technique its tactics and parent technique, for
 *     a mitigation the techniques it addresses, for an OWASP risk the ATLAS techniques it maps to
 */
public record CatalogEntry(
    String id,
    Framework framework,
    EntryKind kind,
    String name,
    String description,
    String url,
    List<String> related) {

  public CatalogEntry {
    requireNonNull(id, "id");
    requireNonNull(framework, "framework");
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(url, "url");
    related = List.copyOf(related);
  }
}
