package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.dlp.EntityTypes;
import io.rampart.dlp.RedactionAction;
import io.rampart.dlp.RedactionPolicy;

/**
 * What the gateway enforces on one server's traffic ({@code policy:} of a server).
 *
 * @param pinTools pin each tool's definition on first sight; a changed one is hidden and
 *     refused until {@code rampart mcp approve}
 * @param blockPoisoned hide and refuse tools the guard finds poisoned
 * @param arguments DLP on tool-call arguments (default: secrets block, the rest is replaced)
 * @param results DLP on tool results, resource contents and prompts (default: replace all)
 * @param guardResults scan results for indirect prompt injection; a hit blocks the result
 * @param failOpen when a detector throws: false (default) refuses, true passes and records it
 * @param toolCallsPerMinute per principal and tool, 0 for no limit
 */
public record McpPolicy(boolean pinTools, boolean blockPoisoned, RedactionPolicy arguments,
    RedactionPolicy results, boolean guardResults, boolean failOpen, int toolCallsPerMinute) {

  public static final McpPolicy DEFAULT = new McpPolicy(true, true, secretsBlock(),
      RedactionPolicy.builder().build(), true, false, 0);

  public McpPolicy {
    requireNonNull(arguments, "arguments");
    requireNonNull(results, "results");
    if (toolCallsPerMinute < 0) {
      throw new IllegalArgumentException(
          "tool-calls-per-minute: " + toolCallsPerMinute + " (expected: 0 or more)");
    }
  }

  private static RedactionPolicy secretsBlock() {
    RedactionPolicy.Builder b = RedactionPolicy.builder();
    EntityTypes.SECRETS.forEach(t -> b.action(t, new RedactionAction.Block()));
    return b.build();
  }

  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  /** Builds an {@link McpPolicy}. */
  public static final class Builder {
    private boolean pinTools;
    private boolean blockPoisoned;
    private RedactionPolicy arguments;
    private RedactionPolicy results;
    private boolean guardResults;
    private boolean failOpen;
    private int toolCallsPerMinute;

    private Builder(McpPolicy p) {
      pinTools = p.pinTools;
      blockPoisoned = p.blockPoisoned;
      arguments = p.arguments;
      results = p.results;
      guardResults = p.guardResults;
      failOpen = p.failOpen;
      toolCallsPerMinute = p.toolCallsPerMinute;
    }

    public Builder pinTools(boolean v) {
      pinTools = v;
      return this;
    }

    public Builder blockPoisoned(boolean v) {
      blockPoisoned = v;
      return this;
    }

    public Builder arguments(RedactionPolicy v) {
      arguments = requireNonNull(v, "arguments");
      return this;
    }

    public Builder results(RedactionPolicy v) {
      results = requireNonNull(v, "results");
      return this;
    }

    public Builder guardResults(boolean v) {
      guardResults = v;
      return this;
    }

    public Builder failOpen(boolean v) {
      failOpen = v;
      return this;
    }

    public Builder toolCallsPerMinute(int v) {
      toolCallsPerMinute = v;
      return this;
    }

    public McpPolicy build() {
      return new McpPolicy(pinTools, blockPoisoned, arguments, results, guardResults, failOpen,
          toolCallsPerMinute);
    }
  }
}
