package io.rampart.mcp;

import java.util.List;
import java.util.Optional;

/**
 * Where approved tool pins live, and the changed definitions waiting for approval.
 * Implementations are thread-safe. The in-memory one serves tests and single-process use; {@link
 * JdbcToolPinStore} serves the gateway.
 */
public interface ToolPinStore {

  /** A thread-safe store held in memory. */
  static ToolPinStore inMemory() {
    return new InMemoryToolPinStore();
  }

  /** The pin of {@code tool} on {@code server}, if any. */
  Optional<ToolPin> find(String server, String tool);

  /** Stores (approves) a pin, replacing the previous pin and any pending change. */
  void put(ToolPin pin);

  /** Pins a tool seen for the first time; false (and no change) when it has a pin already. */
  boolean putIfAbsent(ToolPin pin);

  /** Records a definition that differs from the pin, to be approved or not by an admin. */
  void markPending(ToolPin observed);

  /** The changed definition waiting for approval, if any. */
  Optional<ToolPin> pending(String server, String tool);

  /** Makes the pending definition the pin; empty when nothing was pending. */
  Optional<ToolPin> approve(String server, String tool);

  /** Removes a pin; true when there was one. */
  boolean remove(String server, String tool);

  /** The pins of one server, sorted by tool name. */
  List<ToolPin> list(String server);

  /** Compares {@code current} with the stored pin without changing the store. */
  default PinComparison compare(ToolPin current) {
    return ToolPin.compare(find(current.server(), current.tool()), current);
  }
}
