package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.gateway.Caller;
import io.rampart.gateway.Quotas;
import io.rampart.mcp.JsonRpcMessage;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's rules for each JSON-RPC message: on the way in, who may call which tool, read
 * which resource, get which prompt, and DLP on arguments; on the way back, list filtering
 * (authorization, pins, poisoning) and DLP plus the guard on results. A refusal is a JSON-RPC
 * error answered by the gateway; the server never sees the request.
 */
final class MessagePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(MessagePolicy.class);

  private final McpAuthorizer authorizer;
  private final ToolGate tools;
  private final ContentInspector inspector;
  private final Quotas quotas;

  MessagePolicy(McpAuthorizer authorizer, ToolGate tools, ContentInspector inspector,
      Quotas quotas) {
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.tools = requireNonNull(tools, "tools");
    this.inspector = requireNonNull(inspector, "inspector");
    this.quotas = requireNonNull(quotas, "quotas");
  }

  /** Checks (and may redact) a caller's request; a present error refuses it. */
  Optional<JsonRpcMessage.ErrorResponse> request(Caller caller, McpServerConfig server,
      JsonRpcMessage.Request r, Call call) {
    JsonNode params = r.params().orElse(null);
    McpPolicy policy = server.policy();
    switch (r.method()) {
      case "tools/call" -> {
        String tool = text(params, "name");
        call.target = tool;
        if (!allowed(caller, server, ItemKind.TOOL, tool)) {
          return refuse(r, call, "mcp.tool.access", "access_denied", "tool " + tool
              + " is not allowed for principal " + caller.name());
        }
        ToolGate.Status s = tools.callable(server, tool);
        if (!s.allowed()) {
          return refuse(r, call, s.rule().orElseThrow(), "tool_blocked", s.message());
        }
        if (quotas.tryAcquire("mcp:" + caller.name() + ":" + server.name() + ":" + tool,
            policy.toolCallsPerMinute()).isPresent()) {
          call.decision = "rate_limited";
          call.errorCode = "rate_limit_exceeded";
          call.rule("quota.tool");
          return Optional.of(McpErrors.of(r.id(), McpErrors.RATE_LIMITED, "quota exceeded for "
              + "tool " + tool + " and principal " + caller.name()));
        }
        JsonNode args = params == null ? null : params.get("arguments");
        if (args != null && args.isContainerNode()) {
          Optional<ContentInspector.Block> b = inspector.redact(args, policy.arguments(),
              "arguments", call, policy.failOpen());
          if (b.isPresent()) {
            return refuse(r, call, b.get().rule(), b.get().code(), b.get().message());
          }
        }
      }
      case "resources/read", "resources/subscribe" -> {
        String uri = text(params, "uri");
        call.target = uri;
        if (!allowed(caller, server, ItemKind.RESOURCE, uri)) {
          return refuse(r, call, "mcp.resource.access", "access_denied",
              "resource is not allowed for principal " + caller.name());
        }
      }
      case "prompts/get" -> {
        String name = text(params, "name");
        call.target = name;
        if (!allowed(caller, server, ItemKind.PROMPT, name)) {
          return refuse(r, call, "mcp.prompt.access", "access_denied", "prompt " + name
              + " is not allowed for principal " + caller.name());
        }
        JsonNode args = params == null ? null : params.get("arguments");
        if (args != null && args.isContainerNode()) {
          Optional<ContentInspector.Block> b = inspector.redact(args, policy.arguments(),
              "arguments", call, policy.failOpen());
          if (b.isPresent()) {
            return refuse(r, call, b.get().rule(), b.get().code(), b.get().message());
          }
        }
      }
      default -> {
        // initialize, ping, */list, completion, logging: no per-item rule
      }
    }
    return Optional.empty();
  }

  /**
   * A message from the server on its way to the caller. {@code pending} maps request ids (as
   * JSON text) to their calls; a response to an id the gateway did not forward is dropped, so
   * nothing unfiltered can slip through on a resumed stream. Empty means drop; a server request
   * that is dropped is answered with an error through {@code back}.
   */
  Optional<JsonRpcMessage> fromServer(Caller caller, McpServerConfig server, JsonRpcMessage m,
      Map<String, Call> pending, ServerAnswers back) {
    return switch (m) {
      case JsonRpcMessage.Response r -> {
        Call call = pending.get(r.id().toString());
        if (call == null) {
          LOG.debug("dropping a response to an unknown request id on server {}", server.name());
          yield Optional.empty();
        }
        yield Optional.of(result(caller, server, r, call));
      }
      case JsonRpcMessage.ErrorResponse e -> {
        Call call = pending.get(e.id().toString());
        if (call != null && call.decision.equals("allowed")) {
          call.decision = "error";
          call.errorCode = "upstream_error_" + e.error().code();
        }
        yield Optional.of(e);
      }
      case JsonRpcMessage.Request q when q.method().equals("sampling/createMessage") ->
          sampling(server, q, back);
      default -> Optional.of(m); // other server requests (elicitation, roots) and notifications
    };
  }

  /**
   * A server asking the caller's model to sample: its messages reach the model as a tool result
   * does, so they get the same DLP and indirect-injection checks; a block drops the request
   * and the server gets an error answer in the caller's stead, so it does not wait for one.
   */
  private Optional<JsonRpcMessage> sampling(McpServerConfig server, JsonRpcMessage.Request q,
      ServerAnswers back) {
    JsonNode params = q.params().orElse(null);
    if (params == null || !params.isContainerNode()) {
      return Optional.of(q);
    }
    McpPolicy policy = server.policy();
    Call call = new Call(q.method(), q.id());
    Optional<ContentInspector.Block> b = inspector.redact(params, policy.results(), "sampling",
        call, policy.failOpen());
    if (b.isEmpty() && policy.guardResults()) {
      b = inspector.guardRetrieved(params, "sampling", call, policy.failOpen());
    }
    if (b.isPresent()) {
      LOG.warn("server {}: a sampling request was refused by rule {}", server.name(),
          b.get().rule());
      call.blocked(b.get().rule(), b.get().code());
      try {
        back.refused(q, call, McpErrors.refuse(q.id(), b.get().rule(),
            "sampling request refused by rule " + b.get().rule() + ": " + b.get().message()));
      } catch (RuntimeException e) {
        LOG.warn("server {}: the refusal of its sampling request could not be sent: {}",
            server.name(), e.toString());
      }
      return Optional.empty();
    }
    return Optional.of(q);
  }

  /**
   * A caller's answer to a server's request (sampling, elicitation, roots): model output and
   * user input on their way to the server, checked by DLP as tool-call arguments are (redacted
   * in place, or refused).
   */
  Optional<JsonRpcMessage.ErrorResponse> answer(McpServerConfig server,
      JsonRpcMessage.Response r, Call call) {
    McpPolicy policy = server.policy();
    if (!r.result().isContainerNode()) {
      return Optional.empty();
    }
    Optional<ContentInspector.Block> b = inspector.redact(r.result(), policy.arguments(),
        "answer", call, policy.failOpen());
    if (b.isPresent()) {
      call.blocked(b.get().rule(), b.get().code());
      return Optional.of(McpErrors.refuse(r.id(), b.get().rule(), "answer blocked by rule "
          + b.get().rule() + ": " + b.get().message()));
    }
    return Optional.empty();
  }

  private JsonRpcMessage result(Caller caller, McpServerConfig server,
      JsonRpcMessage.Response r, Call call) {
    JsonNode result = r.result();
    McpPolicy policy = server.policy();
    switch (call.method) {
      case "tools/list" -> filterTools(caller, server, result, call);
      case "resources/list" -> filter(caller, server, result, "resources", "uri",
          ItemKind.RESOURCE, call);
      case "resources/templates/list" -> filter(caller, server, result, "resourceTemplates",
          "uriTemplate", ItemKind.RESOURCE, call);
      case "prompts/list" -> filter(caller, server, result, "prompts", "name", ItemKind.PROMPT,
          call);
      case "tools/call", "resources/read", "prompts/get" -> {
        Optional<ContentInspector.Block> b = inspector.redact(result, policy.results(),
            "result", call, policy.failOpen());
        if (b.isEmpty() && policy.guardResults()) {
          b = inspector.guardRetrieved(result, "result", call, policy.failOpen());
        }
        if (b.isPresent()) {
          call.blocked(b.get().rule(), b.get().code());
          return McpErrors.refuse(r.id(), b.get().rule(), b.get().message());
        }
      }
      default -> {
        // initialize, ping and the rest pass as they are
      }
    }
    return r;
  }

  private void filterTools(Caller caller, McpServerConfig server, JsonNode result, Call call) {
    JsonNode list = result.get("tools");
    if (!(list instanceof ArrayNode tools)) {
      return;
    }
    for (int i = tools.size() - 1; i >= 0; i--) {
      JsonNode tool = tools.get(i);
      String name = tool.path("name").asText("");
      ToolGate.Status status = tools(server, tool, caller);
      if (!status.allowed()) {
        call.rule(status.rule().orElseThrow());
        tools.remove(i);
      } else if (!allowed(caller, server, ItemKind.TOOL, name)) {
        call.rule("mcp.tool.access");
        tools.remove(i);
      }
    }
  }

  private ToolGate.Status tools(McpServerConfig server, JsonNode tool, Caller caller) {
    return tools.listed(server, tool, caller.name());
  }

  private void filter(Caller caller, McpServerConfig server, JsonNode result, String field,
      String key, ItemKind kind, Call call) {
    JsonNode list = result.get(field);
    if (!(list instanceof ArrayNode items)) {
      return;
    }
    for (int i = items.size() - 1; i >= 0; i--) {
      if (!allowed(caller, server, kind, items.get(i).path(key).asText(""))) {
        call.rule("mcp." + kind.name().toLowerCase(java.util.Locale.ROOT) + ".access");
        items.remove(i);
      }
    }
  }

  private boolean allowed(Caller caller, McpServerConfig server, ItemKind kind, String name) {
    try {
      return authorizer.allows(caller, server, kind, name);
    } catch (RuntimeException e) {
      LOG.error("MCP authorizer failed; denying", e);
      return false; // fail closed
    }
  }

  private static Optional<JsonRpcMessage.ErrorResponse> refuse(JsonRpcMessage.Request r,
      Call call, String rule, String code, String message) {
    call.blocked(rule, code);
    return Optional.of(McpErrors.refuse(r.id(), rule, "request blocked by rule " + rule + ": "
        + message));
  }

  private static String text(JsonNode params, String field) {
    return params instanceof ObjectNode o ? o.path(field).asText("") : "";
  }
}
