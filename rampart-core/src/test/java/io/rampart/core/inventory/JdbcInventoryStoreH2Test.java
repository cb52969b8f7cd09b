package io.rampart.core.inventory;

import io.rampart.core.storage.Backend;

class JdbcInventoryStoreH2Test extends InventoryStoreContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
