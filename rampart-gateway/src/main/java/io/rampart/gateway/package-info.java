/**
 * The model-API gateway: an HTTP listener in front of OpenAI-compatible, Azure OpenAI and
 * Anthropic upstreams that authenticates callers, applies route policy (DLP, guard, data
 * boundary), enforces quotas and writes one {@code gateway.request} event per request.
 */
@NullMarked
package io.rampart.gateway;

import org.jspecify.annotations.NullMarked;
