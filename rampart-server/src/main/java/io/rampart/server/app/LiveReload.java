package io.rampart.server.app;

import io.rampart.core.config.RampartConfig;
import io.rampart.gateway.GatewayConfig;
import io.rampart.gateway.GatewaySection;
import io.rampart.gateway.GatewayServer;
import io.rampart.guard.GuardEngines;
import io.rampart.guard.GuardSection;
import io.rampart.mcp.gateway.McpGatewayConfig;
import io.rampart.mcp.gateway.McpGatewaySection;
import io.rampart.mcp.gateway.McpGatewayServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Applies a reloaded configuration to the running gateways and names what it could not apply
 * (listener settings, a gateway switched on or off while running), so such a change is reported
 * in {@code config.changed} and the log instead of being silently ignored.
 */
final class LiveReload {
  private final @Nullable GatewayServer gateway;
  private final @Nullable McpGatewayServer mcp;
  private final @Nullable GuardEngines guards;
  private final RampartConfig started;

  LiveReload(@Nullable GatewayServer gateway, @Nullable McpGatewayServer mcp,
      @Nullable GuardEngines guards, RampartConfig started) {
    this.gateway = gateway;
    this.mcp = mcp;
    this.guards = guards;
    this.started = started;
  }

  /** Applies {@code next}; answers the keys that wait for a restart. */
  List<String> apply(RampartConfig next) {
    List<String> restart = new ArrayList<>();
    McpGatewayConfig nextMcp = next.extension(McpGatewaySection.INSTANCE);
    GatewayConfig nextGateway = next.extension(GatewaySection.INSTANCE);
    // the MCP gateway first: it is the one that can still refuse (and then nothing changed)
    if (mcp != null) {
      restart.addAll(mcp.reconfigure(nextMcp));
    } else if (nextMcp.enabled()) {
      restart.add("mcp-gateway.enabled");
    }
    // both gateways share these engines: the guard: section applies to their next requests
    if (guards != null) {
      guards.replace(next.extension(GuardSection.INSTANCE));
    }
    if (gateway != null) {
      GatewayConfig was = started.extension(GatewaySection.INSTANCE);
      List<Key> keys = List.of(new Key("enabled", GatewayConfig::enabled),
          new Key("host", GatewayConfig::host), new Key("port", GatewayConfig::port),
          new Key("tls", GatewayConfig::tls), new Key("http2", GatewayConfig::http2),
          new Key("max-in-flight", GatewayConfig::maxInFlight),
          new Key("guard-model", GatewayConfig::guardModel));
      for (Key k : keys) {
        if (!Objects.equals(k.value().apply(was), k.value().apply(nextGateway))) {
          restart.add("gateway." + k.name());
        }
      }
      if (nextGateway.enabled()) {
        gateway.reconfigure(nextGateway);
      }
    } else if (nextGateway.enabled()) {
      restart.add("gateway.enabled");
    }
    return restart;
  }

  private record Key(String name, Function<GatewayConfig, Object> value) {}
}
