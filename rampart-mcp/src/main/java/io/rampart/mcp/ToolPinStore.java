package io.rampart.mcp;

import java.util.List;
import java.util.Optional;

/**
 * Where approved tool pins live. Implementations are thread-safe. The in-memory one serves tests
 * and single-process use; a database-backed one will serve the gateway.
 */
public interface ToolPinStore {

  /** A thread-safe store held in memory. */
  static ToolPinStore inMemory() {
    return new InMemoryToolPinStore();
  }

  /** The pin of {@code tool} on {@code server}, if any. */
  Optional<ToolPin> find(String server, String tool);

  /** Stores (approves) a pin, replacing the previous pin of the same server and tool. */
  void put(ToolPin pin);

  /** Removes a pin; true when there was one. */
  boolean remove(String server, String tool);

  /** The pins of one server, sorted by tool name. */
  List<ToolPin> list(String server);

  /** Compares {@code current} with the stored pin without changing the store. */
  default PinComparison compare(ToolPin current) {
    return ToolPin.compare(find(current.server(), current.tool()), current);
  }
}
