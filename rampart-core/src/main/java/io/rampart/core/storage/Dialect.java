package io.rampart.core.storage;

/** The SQL database behind a {@link Database}; code branches on it only where SQL differs. */
public enum Dialect {
  /** Embedded H2, the single-node default (a file under the data directory). */
  H2,
  /** PostgreSQL, for production and multi-node deployments. */
  POSTGRESQL
}
