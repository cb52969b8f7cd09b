package io.rampart.discovery;

import java.util.Locale;

/** What an asset is, independent of the cloud or tool it was found in. */
public enum AssetKind {
  AI_ACCOUNT,
  MODEL_DEPLOYMENT,
  ML_WORKSPACE,
  SEARCH_SERVICE,
  KEY_VAULT,
  STORAGE_ACCOUNT,
  API_GATEWAY,
  PRIVATE_ENDPOINT,
  DIAGNOSTIC_SETTING,
  AI_AGENT,
  AI_GUARDRAIL,
  NOTEBOOK_INSTANCE,
  MODEL_ENDPOINT,
  MODEL_SERVER,
  VECTOR_DATABASE,
  MCP_SERVER,
  K8S_SERVICE,
  INGRESS,
  APPLICATION,
  AI_SDK,
  MODEL_FILE,
  NOTEBOOK,
  MCP_CLIENT_CONFIG,
  SOURCE_FILE;

  /** Lower-case id used in rules and JSON, e.g. {@code ai_account}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an {@link #id()}, case-insensitively. */
  public static AssetKind parse(String text) {
    for (AssetKind k : values()) {
      if (k.name().equalsIgnoreCase(text.strip().replace('-', '_'))) {
        return k;
      }
    }
    throw new DiscoveryException("kind: " + text + " (expected: an asset kind such as ai_account)");
  }
}
