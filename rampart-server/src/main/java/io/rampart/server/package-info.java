/**
 * Rampart's HTTP API: an embedded Jetty server ({@link io.rampart.server.ApiServer}), a small
 * route registry with bearer-token authorization, and the health, metrics, events, catalog,
 * token and configuration endpoints.
 */
@NullMarked
package io.rampart.server;

import org.jspecify.annotations.NullMarked;
