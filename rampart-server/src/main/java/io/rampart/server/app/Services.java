package io.rampart.server.app;

import static java.util.Objects.requireNonNull;

import io.rampart.core.auth.ApiTokenStore;
import io.rampart.core.auth.JdbcApiTokenStore;
import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.JdbcEventLog;
import io.rampart.core.inventory.InventoryStore;
import io.rampart.core.inventory.JdbcInventoryStore;
import io.rampart.core.storage.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The local services every Rampart process needs, opened from one configuration: storage, the
 * event log, API tokens, the stored inventory and the risk catalog. The server and the CLI's offline commands (token,
 * events) share it, so both see the same data.
 */
public final class Services implements AutoCloseable {
  private final RampartConfig config;
  private final Clock clock;
  private final Database database;
  private final EventLog eventLog;
  private final ApiTokenStore tokens;
  private final InventoryStore inventory;
  private final RiskCatalog catalog;

  private Services(RampartConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.catalog = RiskCatalog.builtIn();
    this.database = Database.open(config.storage(), config.dataDir());
    try {
      this.eventLog = JdbcEventLog.create(database, clock);
      this.tokens = JdbcApiTokenStore.create(database, clock, new SecureRandom());
      this.inventory = JdbcInventoryStore.create(database, clock, new SecureRandom());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Opens storage (running migrations) and the services on top of it. */
  public static Services open(RampartConfig config, Clock clock) {
    return new Services(requireNonNull(config, "config"), requireNonNull(clock, "clock"));
  }

  public RampartConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Database database() {
    return database;
  }

  public EventLog eventLog() {
    return eventLog;
  }

  public ApiTokenStore tokens() {
    return tokens;
  }

  /** The stored AI asset inventory and assessment runs. */
  public InventoryStore inventory() {
    return inventory;
  }

  public RiskCatalog catalog() {
    return catalog;
  }

  /** Whether storage answers within two seconds (for {@code /readyz}). */
  public boolean storageHealthy() {
    try (Connection c = database.dataSource().getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      eventLog.close();
    } finally {
      database.close();
    }
  }
}
