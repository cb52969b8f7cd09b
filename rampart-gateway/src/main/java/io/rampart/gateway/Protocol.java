package io.rampart.gateway;

/** The wire protocol a route speaks; decides how bodies are inspected and errors shaped. */
public enum Protocol {
  /** OpenAI-compatible: chat/completions, completions, embeddings, responses, models. */
  OPENAI,
  /** Azure OpenAI: {@code /openai/deployments/{deployment}/...?api-version=...}. */
  AZURE_OPENAI,
  /** Anthropic Messages: {@code /v1/messages}. */
  ANTHROPIC
}
