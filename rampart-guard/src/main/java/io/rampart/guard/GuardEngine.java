package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Inline detector for prompt injection, jailbreaks, system-prompt extraction and leakage,
 * risky model output and poisoned MCP tools. Thread-safe; create one per policy and reuse it
 * (the embedding model is shared by all engines of a process). Never throws on content: a
 * detector failure yields a {@link Tier#FAIL_CLOSED} block.
 */
public interface GuardEngine {

  static GuardEngine create(GuardConfig config) {
    requireNonNull(config, "config");
    return new DefaultGuardEngine(config, ModelTier.of(config));
  }

  /**
   * Loads the embedding model now instead of on the first unsure input (about a second), so
   * the gateway can pay it at start-up. Returns whether the model tier is available; a failure
   * is remembered and unsure inputs then fail closed.
   */
  boolean warmUp();

  /** A user prompt (direct injection, jailbreaks, extraction attempts). */
  Verdict inspectPrompt(String text);

  /** Retrieved content (documents, emails, web pages, tool results): indirect injection. */
  Verdict inspectRetrieved(String text);

  /** A model response: exfiltration links, script injection, blocked URLs, canary leakage. */
  Verdict inspectResponse(String text, Canary... canaries);

  /** An MCP {@code tools/list} result (or its {@code tools} array): tool poisoning. */
  Verdict inspectTools(JsonNode toolsList);
}
