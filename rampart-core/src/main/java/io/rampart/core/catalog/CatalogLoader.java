package io.rampart.core.catalog;

/** Loads the built-in catalog from resources (implementation pending). */
final class CatalogLoader {
  private CatalogLoader() {}

  static RiskCatalog builtIn() {
    throw new UnsupportedOperationException("catalog: not loaded yet");
  }
}
