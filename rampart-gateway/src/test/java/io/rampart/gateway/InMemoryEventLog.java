package io.rampart.gateway;

import io.rampart.core.event.Event;
import java.util.List;

/** The core's in-memory log, with a wait for this module's {@code gateway.request} events. */
class InMemoryEventLog extends io.rampart.core.event.InMemoryEventLog {

  /** The first {@code n} {@code gateway.request} events, waiting up to five seconds for them. */
  List<Event> await(int n) throws InterruptedException {
    return await("gateway.request", n);
  }
}
