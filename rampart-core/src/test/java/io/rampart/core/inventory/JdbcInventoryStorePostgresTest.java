package io.rampart.core.inventory;

import io.rampart.core.storage.Backend;

class JdbcInventoryStorePostgresTest extends InventoryStoreContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
