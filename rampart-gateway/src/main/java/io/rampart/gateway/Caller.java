package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * An authenticated caller as other listeners (the MCP gateway) see it.
 *
 * @param name the principal, as events show it
 * @param groups its groups, for authorization
 * @param requestsPerMinute its request quota, 0 for none
 */
public record Caller(String name, Set<String> groups, int requestsPerMinute) {
  public Caller {
    requireNonNull(name, "name");
    groups = Set.copyOf(groups);
  }
}
