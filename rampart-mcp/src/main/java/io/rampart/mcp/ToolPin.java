package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint of one MCP tool definition, used to notice a tool that changes after it was
 * approved (a "rug pull"). {@code sha256} covers the canonical JSON (sorted keys, compact) of the
 * tool's {@code name}, {@code description} and {@code inputSchema}; {@code fieldDigests} holds one
 * digest per field so a change can say which field changed.
 *
 * @param server the MCP server name as configured
 * @param tool the tool name
 * @param sha256 lower-case hex SHA-256 of the canonical JSON
 * @param fieldDigests SHA-256 of each pinned field's canonical JSON, keyed by field name; a
 *     missing field has no entry
 */
public record ToolPin(String server, String tool, String sha256, Map<String, String> fieldDigests) {
  /** The fields a pin covers, in canonical order. */
  public static final List<String> FIELDS = List.of("description", "inputSchema", "name");

  public ToolPin {
    requireNonNull(server, "server");
    requireNonNull(tool, "tool");
    requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new McpException("sha256: " + sha256 + " (expected: 64 lower-case hex digits)");
    }
    fieldDigests = Map.copyOf(fieldDigests);
  }

  /**
   * Pins one element of a {@code tools/list} result.
   *
   * @throws McpException when {@code toolJson} is not an object with a string {@code name}
   */
  public static ToolPin of(String serverName, JsonNode toolJson) {
    requireNonNull(serverName, "serverName");
    requireNonNull(toolJson, "toolJson");
    if (!toolJson.isObject()) {
      throw new McpException("tool: " + toolJson.getNodeType() + " (expected: object)");
    }
    JsonNode name = toolJson.get("name");
    if (name == null || !name.isTextual()) {
      throw new McpException("tool.name: " + (name == null ? "missing" : name.getNodeType()) + " (expected: string)");
    }
    ObjectNode pinned = JsonNodeFactory.instance.objectNode();
    Map<String, String> digests = new LinkedHashMap<>();
    for (String field : FIELDS) {
      JsonNode v = toolJson.get(field);
      if (v != null) {
        pinned.set(field, v);
        digests.put(field, CanonicalJson.sha256(CanonicalJson.write(v)));
      }
    }
    return new ToolPin(serverName, name.textValue(), CanonicalJson.sha256(CanonicalJson.write(pinned)), digests);
  }

  /** How {@code current} compares with what was pinned before (empty: never pinned). */
  public static PinComparison compare(java.util.Optional<ToolPin> pinned, ToolPin current) {
    requireNonNull(pinned, "pinned");
    requireNonNull(current, "current");
    if (pinned.isEmpty()) {
      return new PinComparison.New(current);
    }
    ToolPin before = pinned.get();
    if (before.sha256.equals(current.sha256)) {
      return new PinComparison.Unchanged(current);
    }
    List<String> changed =
        FIELDS.stream()
            .filter(f -> !java.util.Objects.equals(before.fieldDigests.get(f), current.fieldDigests.get(f)))
            .toList();
    return new PinComparison.Changed(before, current, changed);
  }
}
