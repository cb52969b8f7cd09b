package io.rampart.core.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A role carried by an API token. Viewers see the catalog and dashboards; analysts also read
 * events and operate detections; auditors read and export events and configuration but change
 * nothing; admins may do everything, including token management.
 */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class)),
  ANALYST(EnumSet.of(Permission.CATALOG_READ, Permission.EVENTS_READ, Permission.OPERATE)),
  VIEWER(EnumSet.of(Permission.CATALOG_READ)),
  AUDITOR(
      EnumSet.of(
          Permission.CATALOG_READ,
          Permission.EVENTS_READ,
          Permission.EVENTS_EXPORT,
          Permission.CONFIG_READ));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public boolean allows(Permission permission) {
    return permissions.contains(permission);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.name().equalsIgnoreCase(text.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "role: " + text + " (expected: admin, analyst, viewer or auditor)");
  }
}
