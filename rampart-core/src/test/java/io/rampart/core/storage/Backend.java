package io.rampart.core.storage;

import io.rampart.core.config.StorageConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The databases every repository contract test runs against. */
public enum Backend {
  H2 {
    @Override
    public Database open(Path dir) {
      return Database.open(StorageConfig.DEFAULT, dir.resolve("data"));
    }
  },
  POSTGRESQL {
    @Override
    public Database open(Path dir) {
      return Database.open(TestPostgres.newDatabase(), dir);
    }
  };

  /** A new, migrated, empty database; H2 keeps its files under {@code dir}. */
  public abstract Database open(Path dir);

  /** Empties Rampart's tables between tests that share one database. */
  public static void clear(Database db) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM events");
      s.execute("DELETE FROM api_tokens");
      s.execute("DELETE FROM findings");
      s.execute("DELETE FROM asset_relationships");
      s.execute("DELETE FROM assets");
      s.execute("DELETE FROM assessments");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
