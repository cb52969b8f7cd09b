package io.rampart.server;

import io.rampart.core.catalog.CatalogEntry;
import io.rampart.core.event.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shapes for core records: snake_case keys, lower-case enum ids, ISO times. */
final class EventJson {
  private EventJson() {}

  static Map<String, Object> event(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("time", e.time().toString());
    m.put("type", e.type());
    m.put("severity", e.severity().id());
    m.put("principal", e.principal());
    m.put("asset", e.asset());
    m.put("outcome", e.outcome().id());
    m.put("attributes", e.attributes());
    m.put("references", e.references());
    return m;
  }

  static Map<String, Object> catalogEntry(CatalogEntry c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("framework", c.framework().id());
    m.put("kind", c.kind().id());
    m.put("name", c.name());
    m.put("description", c.description());
    m.put("url", c.url());
    m.put("related", c.related());
    return m;
  }
}
