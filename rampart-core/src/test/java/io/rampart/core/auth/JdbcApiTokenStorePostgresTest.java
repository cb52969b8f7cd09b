package io.rampart.core.auth;

import io.rampart.core.storage.Backend;

class JdbcApiTokenStorePostgresTest extends ApiTokenStoreContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
