package io.rampart.core.event;

import io.rampart.core.storage.Backend;

class JdbcEventLogH2Test extends EventLogContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
