package io.rampart.core.event;

import io.rampart.core.storage.Backend;

class JdbcEventLogPostgresTest extends EventLogContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
