package io.rampart.mcp;

/**
 * Bounds on what {@link JsonRpcCodec} accepts, so a hostile peer cannot exhaust memory or stack.
 *
 * @param maxBytes largest accepted text in UTF-8 bytes
 * @param maxDepth deepest nesting of arrays and objects
 * @param maxBatchSize most elements in one batch
 */
public record JsonRpcLimits(int maxBytes, int maxDepth, int maxBatchSize) {
  public JsonRpcLimits {
    positive("max-bytes", maxBytes);
    positive("max-depth", maxDepth);
    positive("max-batch-size", maxBatchSize);
  }

  /** 4 MiB, depth 64, 100 messages per batch. */
  public static JsonRpcLimits defaults() {
    return new JsonRpcLimits(4 * 1024 * 1024, 64, 100);
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new McpException(field + ": " + value + " (expected: > 0)");
    }
  }
}
