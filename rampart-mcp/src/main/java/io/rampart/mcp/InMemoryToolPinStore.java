package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ToolPinStore} on concurrent maps keyed by server and tool. */
final class InMemoryToolPinStore implements ToolPinStore {
  private record Key(String server, String tool) {}

  private final ConcurrentHashMap<Key, ToolPin> pins = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, ToolPin> pending = new ConcurrentHashMap<>();

  private static Key key(String server, String tool) {
    return new Key(requireNonNull(server, "server"), requireNonNull(tool, "tool"));
  }

  @Override
  public Optional<ToolPin> find(String server, String tool) {
    return Optional.ofNullable(pins.get(key(server, tool)));
  }

  @Override
  public synchronized void put(ToolPin pin) {
    requireNonNull(pin, "pin");
    Key k = key(pin.server(), pin.tool());
    pins.put(k, pin);
    pending.remove(k);
  }

  @Override
  public boolean putIfAbsent(ToolPin pin) {
    requireNonNull(pin, "pin");
    return pins.putIfAbsent(key(pin.server(), pin.tool()), pin) == null;
  }

  @Override
  public void markPending(ToolPin observed) {
    requireNonNull(observed, "observed");
    pending.put(key(observed.server(), observed.tool()), observed);
  }

  @Override
  public Optional<ToolPin> pending(String server, String tool) {
    return Optional.ofNullable(pending.get(key(server, tool)));
  }

  @Override
  public synchronized Optional<ToolPin> approve(String server, String tool) {
    ToolPin p = pending.remove(key(server, tool));
    if (p != null) {
      pins.put(key(server, tool), p);
    }
    return Optional.ofNullable(p);
  }

  @Override
  public boolean remove(String server, String tool) {
    pending.remove(key(server, tool));
    return pins.remove(key(server, tool)) != null;
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
