package io.rampart.mcp.gateway;

import io.rampart.mcp.JsonRpcMessage;

/**
 * What the gateway does with a server's request that it refused on the caller's behalf (a
 * {@code sampling/createMessage} carrying an injection or a secret): answer the server in the
 * caller's stead, so that it does not wait for its own timeout, and record the refusal.
 */
@FunctionalInterface
interface ServerAnswers {
  /** {@code call} describes the refusal (method, rule, decision); {@code answer} goes to the server. */
  void refused(JsonRpcMessage.Request request, Call call, JsonRpcMessage.ErrorResponse answer);
}
