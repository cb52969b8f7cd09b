package io.rampart.discovery;

import java.util.Locale;

/** How two assets are connected; edges point from the dependent asset to what it uses. */
public enum RelationType {
  /** An application or deployment calls a model, account or service. */
  USES,
  /** A deployment or child resource lives inside an account or workspace. */
  PART_OF,
  /** A workspace or service keeps data in a store. */
  STORES_DATA_IN,
  /** A service or ingress routes traffic to a workload. */
  EXPOSES,
  /** A private endpoint connects privately to a resource. */
  PRIVATE_LINK_TO,
  /** A diagnostic setting ships a resource's logs. */
  MONITORS,
  /** A resource reads secrets or keys from a vault. */
  READS_SECRETS_FROM;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
