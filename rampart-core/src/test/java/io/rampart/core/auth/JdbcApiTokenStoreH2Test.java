package io.rampart.core.auth;

import io.rampart.core.storage.Backend;

class JdbcApiTokenStoreH2Test extends ApiTokenStoreContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
