package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ToolPinStore} on a concurrent map keyed by server and tool. */
final class InMemoryToolPinStore implements ToolPinStore {
  private record Key(String server, String tool) {}

  private final ConcurrentHashMap<Key, ToolPin> pins = new ConcurrentHashMap<>();

  @Override
  public Optional<ToolPin> find(String server, String tool) {
    return Optional.ofNullable(pins.get(new Key(requireNonNull(server, "server"), requireNonNull(tool, "tool"))));
  }

  @Override
  public void put(ToolPin pin) {
    requireNonNull(pin, "pin");
    pins.put(new Key(pin.server(), pin.tool()), pin);
  }

  @Override
  public boolean remove(String server, String tool) {
    return pins.remove(new Key(requireNonNull(server, "server"), requireNonNull(tool, "tool"))) != null;
  }

  @Override
  public List<ToolPin> list(String server) {
    requireNonNull(server, "server");
    return pins.values().stream()
        .filter(p -> p.server().equals(server))
        .sorted(Comparator.comparing(ToolPin::tool))
        .toList();
  }
}
