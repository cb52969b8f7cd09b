package io.rampart.mcp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON-RPC message from a caller and what its {@code mcp.request} event will say. Owned by
 * the request's thread. Holds finding types and counts, never values.
 */
final class Call {
  final String method;
  final JsonNode id; // NullNode for notifications and unreadable messages
  String target = ""; // tool name, resource URI or prompt name
  String decision = "allowed";
  String errorCode = "";
  final List<String> rules = new ArrayList<>();
  final Map<String, Integer> findings = new TreeMap<>();
  boolean failedOpen;
  /** On a GET stream: the server's notifications dropped before it, the caller not reading. */
  long dropped;

  Call(String method, JsonNode id) {
    this.method = method;
    this.id = id;
  }

  void rule(String rule) {
    if (!rules.contains(rule)) {
      rules.add(rule);
    }
  }

  void finding(String type) {
    findings.merge(type, 1, Integer::sum);
  }

  void redacted() {
    if (decision.equals("allowed")) {
      decision = "redacted";
    }
  }

  void blocked(String rule, String code) {
    rule(rule);
    decision = "blocked";
    errorCode = code;
  }
}
