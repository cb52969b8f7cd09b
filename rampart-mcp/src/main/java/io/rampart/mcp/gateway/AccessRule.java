package io.rampart.mcp.gateway;

import java.util.Set;

/**
 * One {@code access[]} entry of a server: the callers it applies to (by principal or group) and
 * what they may use. A name is {@code *} (everything), a prefix ending in {@code *}, or exact.
 *
 * @param principals callers by name
 * @param groups callers by group
 * @param tools tool names
 * @param resources resource URIs (and URI templates)
 * @param prompts prompt names
 */
public record AccessRule(Set<String> principals, Set<String> groups, Set<String> tools,
    Set<String> resources, Set<String> prompts) {
  public AccessRule {
    principals = Set.copyOf(principals);
    groups = Set.copyOf(groups);
    tools = Set.copyOf(tools);
    resources = Set.copyOf(resources);
    prompts = Set.copyOf(prompts);
    if (principals.isEmpty() && groups.isEmpty()) {
      throw new IllegalArgumentException(
          "principals: [] (expected: at least one principal or group)");
    }
  }

  /** Whether this rule applies to the caller. */
  public boolean appliesTo(String principal, Set<String> callerGroups) {
    return principals.contains(principal) || principals.contains("*")
        || callerGroups.stream().anyMatch(groups::contains);
  }

  /** Whether this rule grants {@code name} of {@code kind}. */
  public boolean grants(ItemKind kind, String name) {
    Set<String> names = switch (kind) {
      case TOOL -> tools;
      case RESOURCE -> resources;
      case PROMPT -> prompts;
    };
    for (String pattern : names) {
      if (pattern.equals("*") || pattern.equals(name)
          || (pattern.endsWith("*") && name.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
