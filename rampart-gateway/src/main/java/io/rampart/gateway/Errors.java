package io.rampart.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error bodies in the shape official clients parse: {@code {"error": {"type", "code",
 * "message"}}}, with Anthropic's top-level {@code "type": "error"} on Anthropic routes. Messages
 * name the rule that fired and never echo request content.
 */
final class Errors {
  static final String POLICY = "rampart_policy_violation";

  private Errors() {}

  static Reply.Full of(int status, String type, String code, String message, Protocol protocol) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (protocol == Protocol.ANTHROPIC) {
      root.put("type", "error");
    }
    ObjectNode error = root.putObject("error");
    error.put("type", type);
    error.put("code", code);
    error.put("message", message);
    if (protocol != Protocol.ANTHROPIC) {
      error.putNull("param");
    }
    return Reply.Full.json(status, root.toString());
  }

  static Reply.Full policy(Exchange ex, String code, String message) {
    ex.decision = "blocked";
    ex.errorCode = code;
    return of(403, POLICY, code, message, protocol(ex));
  }

  static Reply.Full unauthorized(Exchange ex, String message) {
    ex.decision = "unauthenticated";
    ex.errorCode = "invalid_api_key";
    String type = protocol(ex) == Protocol.ANTHROPIC ? "authentication_error"
        : "invalid_request_error";
    return of(401, type, "invalid_api_key", message, protocol(ex))
        .withHeader("WWW-Authenticate", "Bearer realm=\"rampart-gateway\"");
  }

  static Reply.Full status(Exchange ex, int status, String type, String code, String message) {
    ex.errorCode = code;
    if (ex.decision.equals("allowed") || ex.decision.equals("redacted")) {
      ex.decision = status == 429 ? "rate_limited" : status == 503 ? "shed" : "error";
    }
    return of(status, type, code, message, protocol(ex));
  }

  static Protocol protocol(Exchange ex) {
    return ex.route().map(RouteConfig::protocol).orElse(Protocol.OPENAI);
  }
}
