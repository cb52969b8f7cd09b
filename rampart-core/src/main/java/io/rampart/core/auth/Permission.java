package io.rampart.core.auth;

/** What an API caller may do; {@link Role}s grant sets of permissions. */
public enum Permission {
  /** Read the risk catalog, health, version. */
  CATALOG_READ,
  /** Read and query security events. */
  EVENTS_READ,
  /** Export events in bulk (JSON Lines, OCSF). */
  EVENTS_EXPORT,
  /** Read the effective configuration (secrets redacted). */
  CONFIG_READ,
  /** Create, list and revoke API tokens. */
  TOKENS_MANAGE,
  /** Change state: approve tools, run scans, acknowledge incidents. */
  OPERATE
}
